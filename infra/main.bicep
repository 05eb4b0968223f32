// Journeys on Azure: what `azd up` provisions for src/JourneyFunctions.
//
// Flex Consumption function app (Event Hubs trigger, Durable Functions on the Azure Storage backend, HTTP management
// API), one user-assigned managed identity for everything the app reaches, and no shared keys anywhere:
// storage, Event Hubs and Application Insights all refuse key/SAS authentication and the app authenticates with
// Entra ID tokens of that identity. Modelled on Azure-Samples/durable-functions-quickstart-dotnet-azd, but with
// the Azure Storage durability provider (queues + tables) instead of the Durable Task Scheduler.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds the unique suffix of every resource name.')
param environmentName string

// Not restricted with @allowed: the list of Flex Consumption regions grows. Check a region with
// `az functionapp list-flexconsumption-locations` before choosing it.
@minLength(1)
@description('Region of every resource, including the Flex Consumption function app.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object ID of the person (or pipeline) running azd. It gets the same data-plane roles as the app, so that `func start` and the sender snippet in docs/deploy.md work against the deployed resources. Empty to skip.')
param principalId string = ''

@description('Kind of principal behind principalId: User for a person, ServicePrincipal for a CI pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

// Optional name overrides; empty means "derive from the environment".
param resourceGroupName string = ''
param functionAppName string = ''
param appServicePlanName string = ''
param userAssignedIdentityName string = ''
param storageAccountName string = ''
param eventHubNamespaceName string = ''
param logAnalyticsName string = ''
param applicationInsightsName string = ''

@description('Event hub the producers send journey events to.')
param eventHubName string = 'journey-events'

@description('Consumer group the function app reads with. A dedicated group keeps ad-hoc readers (a local `func start` on $Default) from stealing partitions from the deployed app.')
param eventHubConsumerGroupName string = 'journeys'

// The partition count of a Standard-tier event hub cannot be changed after creation, and it caps how many
// instances run the Event Hubs trigger at once (one reader per partition). See docs/deploy.md, "Scale".
@minValue(1)
@maxValue(32)
@description('Partitions of the journey-events hub (fixed at creation on the Standard tier).')
param eventHubPartitionCount int = 8

@minValue(1)
@maxValue(40)
@description('Event Hubs throughput units: each one admits 1 MB/s or 1000 events/s of ingress.')
param eventHubThroughputUnits int = 1

@minValue(0)
@maxValue(40)
@description('Auto-inflate ceiling for throughput units; 0 disables auto-inflate.')
param eventHubMaximumThroughputUnits int = 0

@minValue(1)
@maxValue(168)
@description('Hours an event stays readable in the hub: how long a backlog can wait for the app (Standard tier allows up to 7 days).')
param eventHubRetentionHours int = 24

@minValue(40)
@maxValue(1000)
@description('Flex Consumption scale-out ceiling (instances across all functions of the app).')
param maximumInstanceCount int = 100

@allowed([
  512
  2048
  4096
])
@description('Memory of one Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@description('Secret settings named by actions and data sources (`*Setting`), as setting name -> Key Vault secret URI, e.g. { "MAILER_TOKEN": "https://kv-journeys.vault.azure.net/secrets/mailer-token" }. They become Key Vault references resolved with the app identity, which needs the "Key Vault Secrets User" role on that vault. Never put a secret value here.')
param keyVaultSettingReferences object = {}

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var resolvedFunctionAppName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}journeys-${resourceToken}'
// Flex Consumption deploys from this blob container (azd uploads the package there). Container names are at most
// 63 characters: 12 + 32 + 1 + 7 = 52.
var deploymentStorageContainerName = 'app-package-${take(resolvedFunctionAppName, 32)}-${take(toLower(uniqueString(resolvedFunctionAppName, resourceToken)), 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// The one identity the app uses for storage, Event Hubs, Application Insights and Key Vault references.
// User-assigned rather than system-assigned so that role assignments exist before the app is first started.
module appIdentity 'br/public:avm/res/managed-identity/user-assigned-identity:0.4.1' = {
  name: 'appIdentity'
  scope: rg
  params: {
    name: !empty(userAssignedIdentityName) ? userAssignedIdentityName : '${abbrs.managedIdentityUserAssignedIdentities}journeys-${resourceToken}'
    location: location
    tags: tags
  }
}

module appServicePlan 'br/public:avm/res/web/serverfarm:0.1.1' = {
  name: 'appServicePlan'
  scope: rg
  params: {
    name: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    sku: {
      name: 'FC1'
      tier: 'FlexConsumption'
    }
    reserved: true // Linux: Flex Consumption only runs on Linux.
    location: location
    tags: tags
  }
}

// One account serves AzureWebJobsStorage (host locks, keys, Event Hubs checkpoints), the Durable task hub (control
// and work-item queues, history and instance tables), the deployment package container and the app's own tables
// (catalog, de-duplication, re-entry, reports, dead letters).
module storage 'br/public:avm/res/storage/storage-account:0.8.3' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: 'Standard_LRS'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra ID only: no account keys, no SAS.
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    minimumTlsVersion: 'TLS1_2'
    blobServices: {
      containers: [
        {
          name: deploymentStorageContainerName
        }
      ]
    }
  }
}

module eventHubs 'app/eventhubs.bicep' = {
  name: 'eventHubs'
  scope: rg
  params: {
    name: !empty(eventHubNamespaceName) ? eventHubNamespaceName : '${abbrs.eventHubNamespaces}${resourceToken}'
    location: location
    tags: tags
    eventHubName: eventHubName
    consumerGroupName: eventHubConsumerGroupName
    partitionCount: eventHubPartitionCount
    throughputUnits: eventHubThroughputUnits
    maximumThroughputUnits: eventHubMaximumThroughputUnits
    retentionHours: eventHubRetentionHours
  }
}

module logAnalytics 'br/public:avm/res/operational-insights/workspace:0.11.1' = {
  name: 'logAnalytics'
  scope: rg
  params: {
    name: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
    dataRetention: 30
  }
}

module monitoring 'br/public:avm/res/insights/component:0.6.0' = {
  name: 'monitoring'
  scope: rg
  params: {
    name: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    workspaceResourceId: logAnalytics.outputs.resourceId
    disableLocalAuth: true // Telemetry is accepted only with an Entra ID token (Monitoring Metrics Publisher).
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    eventHubNamespaceName: eventHubs.outputs.namespaceName
    applicationInsightsName: monitoring.outputs.name
    appIdentityPrincipalId: appIdentity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: resolvedFunctionAppName
    location: location
    tags: tags
    appServicePlanId: appServicePlan.outputs.resourceId
    storageAccountName: storage.outputs.name
    deploymentStorageContainerName: deploymentStorageContainerName
    applicationInsightsName: monitoring.outputs.name
    identityId: appIdentity.outputs.resourceId
    identityClientId: appIdentity.outputs.clientId
    eventHubFullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace
    eventHubName: eventHubs.outputs.eventHubName
    eventHubConsumerGroupName: eventHubs.outputs.consumerGroupName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    keyVaultSettingReferences: keyVaultSettingReferences
  }
  // The host starts as soon as the site exists; with the roles already in place its first start does not fail
  // on 403s from storage and Event Hubs (role assignments still take a few minutes to propagate).
  dependsOn: [
    rbac
  ]
}

// Outputs become azd environment values (`azd env get-values`), used by docs/deploy.md.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CLIENT_ID string = appIdentity.outputs.clientId
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output EVENTHUB_NAMESPACE string = eventHubs.outputs.namespaceName
output EVENTHUB_FULLY_QUALIFIED_NAMESPACE string = eventHubs.outputs.fullyQualifiedNamespace
output EVENTHUB_NAME string = eventHubs.outputs.eventHubName
output EVENTHUB_CONSUMER_GROUP string = eventHubs.outputs.consumerGroupName
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.name
