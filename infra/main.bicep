// LeadFunctions on Azure: a Flex Consumption function app (.NET 10 isolated) with identity-based
// storage (no account keys), Application Insights, and its secrets in Key Vault.
targetScope = 'resourceGroup'

@description('Base name of the resources; the function app is called this.')
@minLength(3)
@maxLength(20)
param appName string

param location string = resourceGroup().location

@description('SendGrid API key (the app does not start without one in Production).')
@secure()
param sendGridApiKey string

@description('The SendGrid Event Webhook verification key (base64, from SendGrid\'s mail settings); empty: the webhook refuses every post.')
param sendGridEventWebhookPublicKey string = ''

@description('The address nurture emails are sent from.')
param fromEmail string

@description('The sender\'s postal address, printed in every email (İYS, CAN-SPAM); the app does not start without it.')
param nurturePostalAddress string

@description('Origins allowed to post web forms (CORS), e.g. https://www.example.com.')
param allowedOrigins string[] = []

@description('Functions to keep switched off through this deployment (AzureWebJobs.<name>.Disabled), e.g. an old function while upgrading.')
param disabledFunctions string[] = []

@secure()
param zoomSecretToken string = ''

@secure()
param genericWebhookSecret string = ''

@description('ON24: the account\'s client id (On24:ClientId); empty and the poll reads nothing.')
param on24ClientId string = ''

@description('ON24: the API token key (On24:AccessTokenKey), from ON24\'s API dashboard.')
@secure()
param on24AccessTokenKey string = ''

@description('ON24: the API token secret (On24:AccessTokenSecret).')
@secure()
param on24AccessTokenSecret string = ''

@description('ON24: the API address (On24:BaseUrl); empty for https://api.on24.com, https://api.eu.on24.com for the EU data centre.')
param on24BaseUrl string = ''

@description('ON24: the event ids to poll, separated by commas (On24:EventIds).')
param on24EventIds string = ''

@description('The "value" of GoTo Webinar\'s webhook secret key (POST /G2W/rest/v2/webhooks/secretkey).')
@secure()
param goToWebinarSecretKey string = ''

@description('The secret that ends the address given to Livestorm (at least 32 random characters).')
@secure()
param livestormWebhookSecret string = ''

@description('Graph\'s clientState for Teams webinar subscriptions (Webhooks:Teams:ClientState, at most 128 characters); empty: the Teams webhook refuses everything.')
@secure()
param teamsClientState string = ''

@description('The Entra ID tenant of the app registration Teams webinars are read with (Graph:TenantId); empty for none.')
param graphTenantId string = ''

@description('That app registration\'s application (client) id (Graph:ClientId), granted VirtualEvent.Read.All.')
param graphClientId string = ''

@description('That app registration\'s client secret (Graph:ClientSecret).')
@secure()
param graphClientSecret string = ''

@description('Where MQLs are POSTed; empty for none.')
param salesHandoffWebhookUrl string = ''

@secure()
param salesHandoffSecret string = ''

@description('Signs consent and unsubscribe links (Consent:TokenSecret).')
@secure()
param consentTokenSecret string = ''

@description('The secret consentTokenSecret had before a rotation (Consent:PreviousTokenSecrets): links already delivered keep working; empty for none.')
@secure()
param consentPreviousTokenSecret string = ''

@description('The host id for timer locks and status (AzureFunctionsWebHost:hostid); the same as the self-hosted runtime\'s if both share the storage account.')
@maxLength(32)
param hostId string = 'leadfunctions'

@description('Where links in emails start (Host:PublicBaseUrl); empty for https://<appName>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Application (client) id of the Entra ID app registration people sign in to the workspace with (App Service Authentication, docs/workspace.md); empty: no App Service Authentication, and no one can sign in to the workspace on Azure.')
param entraClientId string = ''

@description('Directory (tenant) id of that app registration.')
param entraTenantId string = subscription().tenantId

@description('A client secret of that app registration (the MICROSOFT_PROVIDER_AUTHENTICATION_SECRET setting); empty: sign-in gets only an ID token.')
@secure()
param entraClientSecret string = ''

// Tunables: empty leaves the setting out, so the code's default applies (docs/settings.md).
param intakeMinimumFillTime string = ''
param intakePermitsPerMinute string = ''
param enrichmentDefaultPhoneRegion string = ''
param enrichmentCheckMx string = ''
param enrichmentMxTimeout string = ''
param healthMaxQueueWait string = ''
param healthMaxRescoreWait string = ''
param consentDoubleOptIn string = ''
param consentConfirmationTtl string = ''
param consentPolicy string = ''
param importFallbackEncoding string = ''
param sendGridEventWebhookMaxAge string = ''
param nurtureMinGapBetweenEmails string = ''
param nurtureResendUnconfirmedAfter string = ''
param nurtureSpamBrakeRate string = ''
param nurtureDefaultTimeZone string = ''
param nurtureSenderName string = ''
param workspaceSessionLifetime string = ''

@description('Flex Consumption scale-out limit.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

var suffix = uniqueString(resourceGroup().id, appName)
var compactName = toLower(replace(appName, '-', ''))
var storageName = take('st${compactName}${suffix}', 24)
var vaultName = take('kv${compactName}${suffix}', 24)
var deploymentContainer = 'app-package'
var entraSecretSetting = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'

// Built-in role definition ids.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

// Secrets reach the app only as Key Vault references; an unset one stays an empty setting.
var secretSettings = [
  { setting: 'SendGrid__ApiKey', secret: 'SendGridApiKey', value: sendGridApiKey }
  { setting: 'Webhooks__Zoom__SecretToken', secret: 'ZoomSecretToken', value: zoomSecretToken }
  { setting: 'Webhooks__Generic__Secret', secret: 'GenericWebhookSecret', value: genericWebhookSecret }
  { setting: 'Webhooks__GoToWebinar__SecretKey', secret: 'GoToWebinarSecretKey', value: goToWebinarSecretKey }
  { setting: 'Webhooks__Livestorm__Secret', secret: 'LivestormWebhookSecret', value: livestormWebhookSecret }
  { setting: 'Webhooks__Teams__ClientState', secret: 'TeamsClientState', value: teamsClientState }
  { setting: 'Graph__ClientSecret', secret: 'GraphClientSecret', value: graphClientSecret }
  { setting: 'SalesHandoff__Secret', secret: 'SalesHandoffSecret', value: salesHandoffSecret }
  { setting: 'On24__AccessTokenKey', secret: 'On24AccessTokenKey', value: on24AccessTokenKey }
  { setting: 'On24__AccessTokenSecret', secret: 'On24AccessTokenSecret', value: on24AccessTokenSecret }
  { setting: 'Consent__TokenSecret', secret: 'ConsentTokenSecret', value: consentTokenSecret }
  { setting: 'Consent__PreviousTokenSecrets__0', secret: 'ConsentPreviousTokenSecret', value: consentPreviousTokenSecret }
  // Read by App Service Authentication, not by the code: the name its registration.clientSecretSettingName gives.
  { setting: entraSecretSetting, secret: 'EntraClientSecret', value: empty(entraClientId) ? '' : entraClientSecret }
]

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for s in secretSettings: if (!empty(s.value)) {
  parent: vault
  name: s.secret
  properties: { value: s.value }
}]

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${appName}'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

// Every setting the code reads, by its name in the environment ('__' for ':'); AppSettingsTests
// (tests/LeadFunctions.FunctionApp.Tests) holds this list and the code's equal. A setting left empty
// is not set at all, so the code's default applies.
var appSettingValues = {
  // Identity-based storage for the Functions host and the app: the setting name the code reads, as service URIs.
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureFunctionsWebHost__hostid: hostId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
  Host__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net' : publicBaseUrl
  Intake__MinimumFillTime: intakeMinimumFillTime
  Intake__PermitsPerMinute: intakePermitsPerMinute
  Enrichment__DefaultPhoneRegion: enrichmentDefaultPhoneRegion
  Enrichment__CheckMx: enrichmentCheckMx
  Enrichment__MxTimeout: enrichmentMxTimeout
  Health__MaxQueueWait: healthMaxQueueWait
  Health__MaxRescoreWait: healthMaxRescoreWait
  SalesHandoff__WebhookUrl: salesHandoffWebhookUrl
  On24__ClientId: on24ClientId
  On24__EventIds: on24EventIds
  On24__BaseUrl: on24BaseUrl

  Graph__TenantId: graphTenantId
  Graph__ClientId: graphClientId
  SendGrid__FromEmail: fromEmail
  SendGrid__EventWebhookPublicKey: sendGridEventWebhookPublicKey
  Consent__DoubleOptIn: consentDoubleOptIn
  Consent__ConfirmationTtl: consentConfirmationTtl
  Consent__Policy: consentPolicy
  Import__FallbackEncoding: importFallbackEncoding
  SendGrid__EventWebhookMaxAge: sendGridEventWebhookMaxAge
  Nurture__MinGapBetweenEmails: nurtureMinGapBetweenEmails
  Nurture__ResendUnconfirmedAfter: nurtureResendUnconfirmedAfter
  Nurture__SpamBrakeRate: nurtureSpamBrakeRate
  Nurture__DefaultTimeZone: nurtureDefaultTimeZone
  Nurture__SenderName: nurtureSenderName
  Nurture__PostalAddress: nurturePostalAddress
  // The worker trusts X-MS-CLIENT-PRINCIPAL only with this: App Service removes a client's own only while
  // App Service Authentication (appAuth below) is on.
  Workspace__SignIn: empty(entraClientId) ? '' : 'AppService'
  Workspace__SessionLifetime: workspaceSessionLifetime
}
var secretSettingValues = toObject(secretSettings, s => s.setting, s => empty(s.value) ? '' : '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${s.secret})')
// Configuration binds a list only from indexed keys, not from one joined string.
var originSettingValues = toObject(range(0, length(allowedOrigins)), i => 'Intake__AllowedOrigins__${i}', i => allowedOrigins[i])
// The deployment replaces every app setting, so a function switched off by hand would be switched on again here.
var disabledSettingValues = toObject(disabledFunctions, name => 'AzureWebJobs.${name}.Disabled', name => 'true')
var appSettings = filter(items(union(appSettingValues, secretSettingValues, originSettingValues, disabledSettingValues)), s => !empty(s.value))

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      cors: { allowedOrigins: allowedOrigins }
      appSettings: map(appSettings, s => { name: s.key, value: s.value })
    }
  }
  dependsOn: [storageRoles, vaultRole, insightsRole, secrets]
}

// App Service Authentication signs people in to the workspace (/api/app/) with Entra ID: on Azure the Functions host
// checks function keys before the worker runs, and the worker never sees them. Requests without a sign-in still go
// through, as the JSON API's routes keep their function keys; the workspace refuses them itself.
resource appAuth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(entraClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      excludedPaths: []
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          clientSecretSettingName: empty(entraClientSecret) ? null : entraSecretSetting
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
      }
    }
    login: {
      // Claims reach the app in X-MS-CLIENT-PRINCIPAL with their mapped names only with the token store on.
      tokenStore: { enabled: true }
      // One session length on both hosts: Workspace:SessionLifetime, 8 hours unless set.
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: empty(workspaceSessionLifetime) ? '08:00:00' : workspaceSessionLifetime
      }
    }
  }
}

output functionAppName string = app.name
output defaultHostName string = app.properties.defaultHostName
output storageAccountName string = storage.name
