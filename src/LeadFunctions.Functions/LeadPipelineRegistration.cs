using LeadFunctions.Adapters;
using LeadFunctions.Adapters.Randomness;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.EmailEvents;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Functions.Campaigns;
using LeadFunctions.Functions.Consent;
using LeadFunctions.Functions.Dashboard;
using LeadFunctions.Functions.Email;
using LeadFunctions.Functions.Engagement;
using LeadFunctions.Functions.Health;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Nurture;
using LeadFunctions.Functions.Reports;
using LeadFunctions.Functions.Sales;
using LeadFunctions.Functions.Scoring;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Functions.Webinars;
using LeadFunctions.Functions.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions;

/// <summary>Everything the functions need, for either host: the self-hosted runtime and the Azure Functions worker both
/// call this.</summary>
public static class LeadPipelineRegistration
{
    public static IHostApplicationBuilder AddLeadPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddLeadStorage();
        builder.AddLeadEnrichment();
        builder.AddSalesHandoff();
        builder.AddEmailSending();
        builder.AddOn24Polling();
        builder.AddTeamsWebinarFollowing();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, SystemIdGenerator>();
        services.TryAddSingleton<IRandomSource, SystemRandomSource>();
        services.AddSingleton<ErrorAnswers>();
        services
            .AddOptions<IntakeOptions>()
            .BindConfiguration(IntakeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services
            .AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(p => p.GetRequiredService<IOptions<IntakeOptions>>().Value.ToRules());
        services.AddSingleton(p => p.GetRequiredService<IOptions<ImportOptions>>().Value.ToDecoding());
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<CsvUpload>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        builder.Logging.KeepOutOfRequestLogs();
        services.AddConsent();
        services.AddCampaigns();
        services.AddWorkspace();
        services.AddCampaignEnrollment();
        services.AddNurture();
        services.AddWebinars();
        services.AddSingleton<ScoringModelSource>();
        services.AddSalesDecisions();
        services.AddReports();
        services.AddReferrals();
        services.AddSingleton<LeadUpdater>();
        services.AddSingleton<LeadIntakeProcessor>();
        services.AddSingleton<EngagementProcessor>();
        services.AddSingleton<IEngagementRecorder>(sp => sp.GetRequiredService<EngagementProcessor>());
        services.AddSingleton<EventIntake>();
        services.AddSingleton<Core.Sales.SalesHandoffDelivery>();
        services.AddSingleton<LeadDecisions>();
        services.AddSingleton<LeadRescorer>();
        services.AddSingleton<SendGridEventProcessor>();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName);
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage").AddCheck<RuntimeHealthCheck>("runtime");

        services.AddDeclaredFunctions();
        services.AddSingleton<WebFormIntake>();
        services.AddSingleton<Core.DataSubjects.LeadEraser>();
        services.AddSingleton<Core.DataSubjects.LeadExporter>();
        services.AddDashboard();
        return builder;
    }
}
