using LeadFunctions.Adapters.Email;
using LeadFunctions.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters;

public static class EmailRegistration
{
    /// <summary>
    /// SendGrid: the options, <see cref="IEmailSender"/>, and the event webhook's signature check, queue and
    /// tables. The API key and the sender address may be empty in Development and Testing only (a send then
    /// fails with SendGrid's 401); anywhere else the host refuses to start without them.
    /// </summary>
    public static IHostApplicationBuilder AddEmailSending(this IHostApplicationBuilder builder)
    {
        var lenient = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder
            .Services.AddOptions<SendGridOptions>()
            .BindConfiguration(SendGridOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                options => lenient || !string.IsNullOrWhiteSpace(options.ApiKey),
                "SendGrid:ApiKey is required outside Development and Testing."
            )
            .Validate(
                options => lenient || !string.IsNullOrWhiteSpace(options.FromEmail),
                "SendGrid:FromEmail is required outside Development and Testing."
            )
            .ValidateOnStart();
        builder.Services.AddSingleton<ISendGridEventSignature, SendGridEventSignature>();
        builder.Services.AddSingleton<ISendGridEventQueue, SendGridEventQueue>();
        builder.Services.AddSingleton<ISendGridEventLog, SendGridEventTableLog>();
        // The pipeline bounds each attempt; HttpClient's own 100 s would also cut the waits between attempts.
        builder
            .Services.AddHttpClient<IEmailSender, SendGridEmailSender>(client =>
                client.Timeout = Timeout.InfiniteTimeSpan
            )
            .AddResilienceHandler("sendgrid", SendGridResilience.Configure);
        return builder;
    }
}
