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

@description('Origins allowed to post web forms (CORS), e.g. https://www.example.com.')
param allowedOrigins string[] = []

@secure()
param zoomSecretToken string = ''

@secure()
param genericWebhookSecret string = ''

@description('Where MQLs are POSTed; empty for none.')
param salesHandoffWebhookUrl string = ''

@secure()
param salesHandoffSecret string = ''

@description('Flex Consumption scale-out limit.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

var suffix = uniqueString(resourceGroup().id, appName)
var compactName = toLower(replace(appName, '-', ''))
var storageName = take('st${compactName}${suffix}', 24)
var vaultName = take('kv${compactName}${suffix}', 24)
var deploymentContainer = 'app-package'

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
  { setting: 'SalesHandoff__Secret', secret: 'SalesHandoffSecret', value: salesHandoffSecret }
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

var baseSettings = [
  // Identity-based storage for the Functions host and the app: the setting name the code reads, as service URIs.
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
  { name: 'SendGrid__FromEmail', value: fromEmail }
  { name: 'SendGrid__EventWebhookPublicKey', value: sendGridEventWebhookPublicKey }
  { name: 'SalesHandoff__WebhookUrl', value: salesHandoffWebhookUrl }
]
var secretAppSettings = [for s in secretSettings: {
  name: s.setting
  value: empty(s.value) ? '' : '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${s.secret})'
}]
// Configuration binds a list only from indexed keys, not from one joined string.
var originSettings = [for (origin, i) in allowedOrigins: { name: 'Intake__AllowedOrigins__${i}', value: origin }]

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
      appSettings: concat(baseSettings, secretAppSettings, originSettings)
    }
  }
  dependsOn: [storageRoles, vaultRole, insightsRole, secrets]
}

output functionAppName string = app.name
output defaultHostName string = app.properties.defaultHostName
output storageAccountName string = storage.name
