// Data-plane role assignments. Keys are disabled everywhere, so these roles are the only way in.
//
// App identity (always): everything the Functions host, Durable Functions and the app's Table Storage ports need.
// Deploying principal (when its object ID is given): the same roles, so that a developer can run `func start`
// against the deployed storage and Event Hubs, and send events with DefaultAzureCredential.

param storageAccountName string
param eventHubNamespaceName string
param applicationInsightsName string
param appIdentityPrincipalId string
@description('Object ID of the deploying user or pipeline; empty to skip its role assignments.')
param userPrincipalId string = ''
@allowed([
  'User'
  'ServicePrincipal'
])
param userPrincipalType string = 'User'

// Built-in role definition IDs (the same in every tenant).
var roles = {
  // Host keys and locks, Event Hubs checkpoints, Durable leases and large messages, the Flex deployment package.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Durable Functions control and work-item queues.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Durable history and instance tables, and the app's own tables (it creates them on first use).
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // The Event Hubs trigger.
  eventHubsDataReceiver: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'
  // Sending (e.g. re-publishing or test producers running as the app identity).
  eventHubsDataSender: '2b629674-e913-4c01-ae53-ef4638d8f975'
  // Telemetry ingestion into an Application Insights resource with local auth disabled.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]
var eventHubsRoles = [
  roles.eventHubsDataReceiver
  roles.eventHubsDataSender
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource eventHubNamespace 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: eventHubNamespaceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Role assignment names are deterministic GUIDs of (scope, principal, role), so re-provisioning is idempotent.
// A managed identity is a service principal, hence principalType 'ServicePrincipal' for the app identity.
var assignUser = !empty(userPrincipalId)

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storageAccount.id, appIdentityPrincipalId, role)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: appIdentityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: if (assignUser) {
    name: guid(storageAccount.id, userPrincipalId, role)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]

resource appEventHubsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in eventHubsRoles: {
    name: guid(eventHubNamespace.id, appIdentityPrincipalId, role)
    scope: eventHubNamespace
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: appIdentityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource userEventHubsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in eventHubsRoles: if (assignUser) {
    name: guid(eventHubNamespace.id, userPrincipalId, role)
    scope: eventHubNamespace
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]

resource appMonitoringRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userMonitoringRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (assignUser) {
  name: guid(applicationInsights.id, userPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}
