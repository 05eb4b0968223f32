// The Flex Consumption function app running src/JourneyFunctions, and its application settings.
//
// Every connection is identity-based: a setting group `<Connection>__*` names the endpoint, sets
// `credential=managedidentity` and the client ID of the user-assigned identity. No setting holds a key.

param name string
param location string = resourceGroup().location
param tags object = {}
@description('azd finds the app to deploy the `api` service of azure.yaml to by this tag value.')
param serviceName string = 'api'
param appServicePlanId string
param storageAccountName string
param deploymentStorageContainerName string
param applicationInsightsName string
param identityId string
param identityClientId string
param eventHubFullyQualifiedNamespace string
param eventHubName string
param eventHubConsumerGroupName string
param maximumInstanceCount int = 100
param instanceMemoryMB int = 2048
@description('Setting name -> Key Vault secret URI; each becomes the app setting Journeys__Secrets__<name>, a Key Vault reference (secret settings resolve only under Journeys:Secrets).')
param keyVaultSettingReferences object = {}

// The app targets net10.0 (isolated worker). .NET 10 is GA for the isolated worker model; if a region does not
// list it yet for Flex Consumption (`az functionapp list-flexconsumption-runtimes --location <region>
// --runtime dotnet-isolated`), provisioning fails there with a clear error rather than running a mismatched runtime.
var runtimeName = 'dotnet-isolated'
var runtimeVersion = '10.0'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var identityConnectionSettings = {
  // Functions host storage and the Durable Functions task hub (Azure Storage provider). With `accountName` the
  // host derives the blob, queue and table endpoints itself.
  AzureWebJobsStorage__accountName: storageAccount.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId

  // Event Hubs trigger: Connection = "EventHubConnection", EventHubName = "%EventHubName%",
  // ConsumerGroup = "%EventHubConsumerGroup%".
  EventHubConnection__fullyQualifiedNamespace: eventHubFullyQualifiedNamespace
  EventHubConnection__credential: 'managedidentity'
  EventHubConnection__clientId: identityClientId
  EventHubName: eventHubName
  EventHubConsumerGroup: eventHubConsumerGroupName

  // The app's own Table Storage ports (TableServiceClient with DefaultAzureCredential).
  TablesConnection__tableServiceUri: storageAccount.properties.primaryEndpoints.table
  TablesConnection__credential: 'managedidentity'
  TablesConnection__clientId: identityClientId

  // DefaultAzureCredential picks the user-assigned identity (not the system one) when this is set.
  AZURE_CLIENT_ID: identityClientId

  // The connection string carries only the instrumentation key and ingestion endpoint, which are identifiers,
  // not secrets: with local auth disabled, ingestion also requires the Entra ID token named below.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
}

var secretReferenceSettings = toObject(
  items(keyVaultSettingReferences),
  item => 'Journeys__Secrets__${item.key}',
  item => '@Microsoft.KeyVault(SecretUri=${item.value})'
)

// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION: the runtime is declared in
// functionAppConfig.runtime instead, so neither appears here.
module site 'br/public:avm/res/web/site:0.15.1' = {
  name: '${serviceName}-flex-consumption'
  params: {
    kind: 'functionapp,linux'
    name: name
    location: location
    tags: union(tags, { 'azd-service-name': serviceName })
    serverFarmResourceId: appServicePlanId
    managedIdentities: {
      userAssignedResourceIds: [
        identityId
      ]
    }
    // Key Vault references are resolved with the user-assigned identity (there is no system-assigned one).
    keyVaultAccessIdentityResourceId: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentStorageContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
    siteConfig: {
      alwaysOn: false // The module defaults to true, which Flex Consumption refuses.
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    appSettingsKeyValuePairs: union(secretReferenceSettings, identityConnectionSettings)
  }
}

output name string = site.outputs.name
output uri string = 'https://${site.outputs.defaultHostname}'
