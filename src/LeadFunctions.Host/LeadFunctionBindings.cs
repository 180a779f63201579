using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Functions.Campaigns;
using LeadFunctions.Functions.Consent;
using LeadFunctions.Functions.Dashboard;
using LeadFunctions.Functions.Email;
using LeadFunctions.Functions.Engagement;
using LeadFunctions.Functions.Sales;
using LeadFunctions.Functions.Scoring;
using LeadFunctions.Functions.Health;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Functions.Webinars;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Nurture;
using LeadFunctions.Functions.Reports;
using LeadFunctions.Host.Http;
using LeadFunctions.Host.OpenApi;
using LeadFunctions.Host.Queues;
using LeadFunctions.Host.Timers;

namespace LeadFunctions.Host;

/// <summary>
/// Binds each function class to its trigger on this runtime: the twin of the [Function] wrappers in
/// LeadFunctions.FunctionApp. Routes, levels and queue names must match those (BindingsTests compares the two).
/// </summary>
public static class LeadFunctionBindings
{
    public static IServiceCollection AddLeadFunctionTriggers(this IServiceCollection services) => services
        .AddQueueTrigger<ProcessLeadIntakeQueueFunction, LeadSubmission>("ProcessLeadIntake", QueueNames.LeadIntake, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<ProcessImportBatchQueueFunction, ImportBatch>("ProcessImportBatch", QueueNames.LeadImport, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<RecordEngagementQueueFunction, EngagementEvent>("RecordEngagement", QueueNames.LeadEvents, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<DeliverSalesHandoffQueueFunction, SalesHandoff>("DeliverSalesHandoff", QueueNames.SalesHandoff, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<RescoreLeadPartQueueFunction, RescorePart>("RescoreLeadPart", QueueNames.LeadRescore, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<SendConsentConfirmationQueueFunction, ConfirmationRequest>("SendConsentConfirmation", QueueNames.ConsentConfirmation, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<ProcessConsentImportQueueFunction, ConsentImportBatch>("ProcessConsentImport", QueueNames.ConsentImport, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<ProcessSendGridEventsQueueFunction, SendGridEventBatch>("ProcessSendGridEvents", QueueNames.SendGridEvents, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<EnrollCampaignLeadsQueueFunction, CampaignEnrollmentRequest>("EnrollCampaignLeads", QueueNames.CampaignEnrollment, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<ReleaseHeldSendsQueueFunction, CampaignResume>("ReleaseHeldSends", QueueNames.CampaignResume, (f, m, ct) => f.RunAsync(m, ct))
        .AddQueueTrigger<SendNurtureEmailQueueFunction, NurtureSendBatch>("SendNurtureEmail", QueueNames.NurtureSend, (f, m, dequeueCount, ct) => f.RunAsync(m, dequeueCount, ct))
        .AddTimerTrigger<RescoreLeadsTimerFunction>("RescoreLeads", RescoreLeadsTimerFunction.Schedule, (f, t, ct) => f.RunAsync(t, ct))
        .AddTimerTrigger<SendNurtureEmailsTimerFunction>("SendNurtureEmails", SendNurtureEmailsTimerFunction.Schedule, (f, t, ct) => f.RunAsync(t, ct));

    public static void MapLeadFunctions(this IEndpointRouteBuilder app)
    {
        var api = app.MapFunctionsGroup();
        api.MapPost("leads", (HttpRequest request, SubmitLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("SubmitLead", AuthorizationLevel.Anonymous)
            .RequireCors(IntakeProtection.Policy)
            .RequireRateLimiting(IntakeProtection.Policy);
        api.MapPost("leads/import", (HttpRequest request, ImportLeadsHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ImportLeads", AuthorizationLevel.Function);
        api.MapPost("consent/import", (HttpRequest request, ImportConsentHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ImportConsent", AuthorizationLevel.Function);
        api.MapPost("events", (HttpRequest request, SubmitEventHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("SubmitEvent", AuthorizationLevel.Function);
        api.MapPost("webhooks/webinars/zoom", (HttpRequest request, ZoomWebhookHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ZoomWebinarWebhook", AuthorizationLevel.Anonymous);
        api.MapPost("webhooks/webinars/generic", (HttpRequest request, GenericWebinarWebhookHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("GenericWebinarWebhook", AuthorizationLevel.Anonymous);
        api.MapGet("leads", (HttpRequest request, ListLeadsHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ListLeads", AuthorizationLevel.Function);
        api.MapGet("leads/{id}", (HttpRequest request, string id, GetLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("GetLead", AuthorizationLevel.Function);
        api.MapDelete("leads/{id}", (HttpRequest request, string id, EraseLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("EraseLead", AuthorizationLevel.Admin);
        api.MapGet("leads/{id}/export", (HttpRequest request, string id, ExportLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("ExportLead", AuthorizationLevel.Function);
        api.MapGet("leads/{id}/timeline", (HttpRequest request, string id, GetLeadTimelineHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("GetLeadTimeline", AuthorizationLevel.Function);
        api.MapPost("leads/{id}/qualify", (HttpRequest request, string id, QualifyLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("QualifyLead", AuthorizationLevel.Function);
        api.MapPost("leads/{id}/disqualify", (HttpRequest request, string id, DisqualifyLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("DisqualifyLead", AuthorizationLevel.Function);
        api.MapPost("leads/{id}/convert", (HttpRequest request, string id, ConvertLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("ConvertLead", AuthorizationLevel.Function);
        api.MapPost("leads/{id}/win", (HttpRequest request, string id, WinLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("WinLead", AuthorizationLevel.Function);
        api.MapGet("scoring-model", (HttpRequest request, GetScoringModelHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("GetScoringModel", AuthorizationLevel.Function);
        api.MapPut("scoring-model", (HttpRequest request, PutScoringModelHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("PutScoringModel", AuthorizationLevel.Admin);
        api.MapGet("leads/{id}/consent", (HttpRequest request, string id, GetLeadConsentHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("GetLeadConsent", AuthorizationLevel.Function);
        api.MapMethods("unsubscribe", [HttpMethods.Get, HttpMethods.Post], (HttpRequest request, UnsubscribeHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("Unsubscribe", AuthorizationLevel.Anonymous);
        api.MapMethods("consent/confirm", [HttpMethods.Get, HttpMethods.Post], (HttpRequest request, ConfirmConsentHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ConfirmConsent", AuthorizationLevel.Anonymous);
        api.MapGet("consent/iys-export", (HttpRequest request, IysExportHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ExportIysConsent", AuthorizationLevel.Function);
        api.MapPost("webhooks/sendgrid", (HttpRequest request, SendGridEventWebhookHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("SendGridEventWebhook", AuthorizationLevel.Anonymous);
        api.MapGet("suppressions", (HttpRequest request, ListSuppressionsHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ListSuppressions", AuthorizationLevel.Function);
        api.MapDelete("suppressions/{hash}", (HttpRequest request, string hash, LiftSuppressionHttpFunction function, CancellationToken ct) => function.RunAsync(request, hash, ct))
            .AsFunction("LiftSuppression", AuthorizationLevel.Admin);
        api.MapPut("campaigns/{id}", (HttpRequest request, string id, PutCampaignHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("PutCampaign", AuthorizationLevel.Function);
        api.MapGet("campaigns/{id}", (HttpRequest request, string id, GetCampaignHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("GetCampaign", AuthorizationLevel.Function);
        api.MapGet("campaigns", (HttpRequest request, ListCampaignsHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("ListCampaigns", AuthorizationLevel.Function);
        api.MapDelete("campaigns/{id}", (HttpRequest request, string id, ArchiveCampaignHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("ArchiveCampaign", AuthorizationLevel.Function);
        api.MapPost("campaigns/{id}/pause", (HttpRequest request, string id, PauseCampaignHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("PauseCampaign", AuthorizationLevel.Function);
        api.MapPost("campaigns/{id}/resume", (HttpRequest request, string id, ResumeCampaignHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("ResumeCampaign", AuthorizationLevel.Function);
        api.MapPost("campaigns/{id}/enrollments", (HttpRequest request, string id, EnrollLeadsHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("EnrollLeads", AuthorizationLevel.Function);
        api.MapGet("reports/funnel", (HttpRequest request, GetFunnelReportHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("GetFunnelReport", AuthorizationLevel.Function);
        api.MapGet("campaigns/{id}/stats", (HttpRequest request, string id, GetCampaignStatsHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("GetCampaignStats", AuthorizationLevel.Function);
        api.MapPost("campaigns/{id}/preview", (HttpRequest request, string id, PreviewCampaignHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("PreviewCampaign", AuthorizationLevel.Function);
        api.MapGet("reports/referrals", (HttpRequest request, GetReferralReportHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("GetReferralReport", AuthorizationLevel.Function);
        api.MapGet("dashboard", (HttpRequest request, GetDashboardHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("GetDashboard", AuthorizationLevel.Function);
        api.MapGet("health", (HttpRequest request, GetHealthHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("GetHealth", AuthorizationLevel.Anonymous);
        api.MapApiReference();
    }
}
