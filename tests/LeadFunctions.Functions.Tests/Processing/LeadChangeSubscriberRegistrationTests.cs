using LeadFunctions.Core.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadFunctions.Functions.Tests.Processing;

/// <summary>The composition both hosts call registers every lead change subscriber the order names, each
/// once.</summary>
public class LeadChangeSubscriberRegistrationTests
{
    [Fact]
    public async Task AddLeadPipeline_RegistersEverySubscriberOfTheOrder_Once()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        // The nurture planner times steps in the person's zone (Nurture:DefaultTimeZone, with the sender's settings).
        builder.Configuration["Nurture:PostalAddress"] = "Levent Mah. 1, 34330 İstanbul";
        builder.AddLeadPipeline();
        await using var services = builder.Services.BuildServiceProvider();

        var names = services.GetServices<ILeadChangeSubscriber>().Select(subscriber => subscriber.Name).Order();

        Assert.Equal(LeadChangeSubscribers.Order.SelectMany(step => step).Order(), names);
    }
}
