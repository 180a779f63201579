using LeadFunctions.Adapters.Webinars;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters;

public static class On24Registration
{
    /// <summary>
    /// ON24: the options, <see cref="IOn24Api"/> over its resilience pipeline, the poll's state table and
    /// <see cref="On24Poll"/>. Unset, the poll reads nothing and the host starts as before.
    /// </summary>
    public static IHostApplicationBuilder AddOn24Polling(this IHostApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<On24Options>()
            .BindConfiguration(On24Options.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IOn24PollState, On24PollTable>();
        builder.Services.AddSingleton(p =>
        {
            var options = p.GetRequiredService<IOptions<On24Options>>().Value;
            return new On24PollSettings(options.EventIdList, options.HasCredentials);
        });
        builder.Services.AddSingleton<On24Poll>();
        // The pipeline bounds each attempt; HttpClient's own 100 s would also cut the waits between attempts.
        builder
            .Services.AddHttpClient<IOn24Api, On24ApiClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("on24", On24Resilience.Configure);
        return builder;
    }
}
