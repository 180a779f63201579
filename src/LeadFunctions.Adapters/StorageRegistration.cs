using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Adapters.Consent;
using LeadFunctions.Adapters.DataSubjects;
using LeadFunctions.Adapters.Engagement;
using LeadFunctions.Adapters.Health;
using LeadFunctions.Adapters.Intake;
using LeadFunctions.Adapters.Leads;
using LeadFunctions.Adapters.Nurture;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Adapters.Referrals;
using LeadFunctions.Adapters.Reports;
using LeadFunctions.Adapters.Sales;
using LeadFunctions.Adapters.Scoring;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Health;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Scoring;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadFunctions.Adapters;

public static class StorageRegistration
{
    /// <summary>The setting the Functions host reads its storage account from; a connection string or a section with
    /// service URIs.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public static IHostApplicationBuilder AddLeadStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services
            .AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var counter = new StorageOperationCounter();
        services.AddSingleton(counter);
        services.AddSingleton<IStorageUsage>(counter);
        services.AddAzureClients(clients =>
        {
            clients.ConfigureDefaults(options =>
            {
                options.AddPolicy(counter, HttpPipelinePosition.PerRetry);

                // Fail within seconds when the account is unreachable: a web form then gets a 503 with
                // Retry-After instead of hanging, and a queue message is retried by its dequeue count.
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(15);
            });
            var storage = StorageConnection.From(builder.Configuration.GetSection(ConnectionSetting));
            clients.AddClient<TableServiceClient, TableClientOptions>(storage.Tables);
            clients.AddClient<BlobServiceClient, BlobClientOptions>(storage.Blobs);

            // Azure.Storage.Queues defaults to no encoding; the Functions queue trigger expects base64.
            clients
                .AddClient<QueueServiceClient, QueueClientOptions>(storage.Queues)
                .ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
            clients
                .AddClient<QueueServiceClient, QueueClientOptions>(storage.Queues)
                .WithName(StorageClientNames.RawQueues);
        });

        services.AddSingleton<StorageNames>();
        services.AddSingleton<LeadTables>();
        services.AddSingleton<QueueWriteSignal>();
        services.AddSingleton<QueueMessageSender>();
        services.AddSingleton<ISubmissionQueue, SubmissionQueue>();
        services.AddSingleton<IImportBatchQueue, ImportBatchQueue>();
        services.AddSingleton<IConsentImportQueue, ConsentImportQueue>();
        services.AddSingleton<IImportUploads, ImportUploadBlobs>();
        services.AddSingleton<IEventQueue, EventQueue>();
        services.AddSingleton<LeadEmailIndex>();
        services.AddSingleton<ILeadEmailIndex>(sp => sp.GetRequiredService<LeadEmailIndex>());
        services.AddSingleton<ILeadStore, LeadTableStore>();
        services.AddSingleton<IScoringModelStore, ScoringModelTableStore>();
        services.AddSingleton<ISalesHandoffQueue, SalesHandoffQueue>();
        services.AddSingleton<IRescoreQueue, RescoreQueue>();
        services.AddSingleton<ICampaignEnrollmentQueue, CampaignEnrollmentQueue>();
        services.AddSingleton<ICampaignResumeQueue, CampaignResumeQueue>();
        services.AddSingleton<Core.Webinars.IWebinarEndingQueue, Webinars.WebinarEndingQueue>();
        services.AddSingleton<Core.Webinars.IWebinarRegistrations, Webinars.RegistrationTable>();
        services.AddMemoryCache();
        services.AddSingleton<Core.Webinars.IWebinarSchedules, Webinars.WebinarScheduleTable>();
        services.AddSingleton<ICrmStore, CrmTableStore>();
        services.AddSingleton<ILeadQuery, LeadTableQuery>();
        services.AddSingleton<IConsentChangeLog, ConsentChangeTableLog>();
        services.AddSingleton<IConsentConfirmationQueue, ConsentConfirmationQueue>();
        services.AddSingleton<Core.Health.IStorageProbe, Health.StorageProbe>();
        services.AddSingleton<Core.Health.IStorageFailures, StorageFailures>();
        services.AddSingleton<ISuppressionList, SuppressionTableStore>();
        services.AddSingleton<Core.Referrals.IReferralIndex, ReferralTableIndex>();
        services.AddSingleton<Core.DataSubjects.IDataSubjectRecords, DataSubjectTableRecords>();
        services.AddSingleton<Core.DataSubjects.IPersonalDataEraser, PersonalDataTableEraser>();
        services.AddSingleton<Core.Reports.IFunnelCounters, FunnelTableCounters>();
        services.AddSingleton<ICampaignStore, CampaignTableStore>();
        services.AddSingleton<CampaignCatalog>();
        services.AddSingleton<ICampaignCatalog>(sp => sp.GetRequiredService<CampaignCatalog>());
        services.AddSingleton<IDueSendIndex, DueSendTableIndex>();
        services.AddSingleton<ICampaignStats, CampaignStatsTableStore>();
        services.AddSingleton<Core.Nurture.INurtureSendQueue, NurtureSendQueue>();
        services.AddSingleton<Core.Nurture.IPoisonedNurtureSends, PoisonedNurtureSendQueue>();
        services.AddHostedService<StorageInitializer>();
        return builder;
    }
}
