// Event Hubs namespace, the journey-events hub and the app's consumer group.
//
// Plain resources rather than avm/res/event-hub/namespace: that module's parameter shapes changed between the
// versions seen in samples, and its event hub child creates a SAS authorization rule by default, which this
// deployment must not have. Written out, every property here is type-checked against the resource schema.

param name string
param location string = resourceGroup().location
param tags object = {}
param eventHubName string
param consumerGroupName string
param partitionCount int
param throughputUnits int
@description('Auto-inflate ceiling; 0 (or not above throughputUnits) disables auto-inflate.')
param maximumThroughputUnits int = 0
param retentionHours int = 24

var autoInflate = maximumThroughputUnits > throughputUnits

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    // Standard: consumer groups beyond $Default, up to 40 throughput units and 7 days of retention.
    name: 'Standard'
    tier: 'Standard'
    capacity: throughputUnits
  }
  properties: {
    disableLocalAuth: true // No SAS keys: senders and the app authenticate with Entra ID.
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    isAutoInflateEnabled: autoInflate
    maximumThroughputUnits: autoInflate ? maximumThroughputUnits : 0
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: eventHubName
  properties: {
    partitionCount: partitionCount
    retentionDescription: {
      cleanupPolicy: 'Delete'
      retentionTimeInHours: retentionHours
    }
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: hub
  name: consumerGroupName
  properties: {
    userMetadata: 'Journeys function app (Event Hubs trigger)'
  }
}

output namespaceName string = namespace.name
// serviceBusEndpoint is "https://<name>.servicebus.windows.net:443/" (another suffix in sovereign clouds); the
// Event Hubs clients want only the host name.
output fullyQualifiedNamespace string = split(split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0], '/')[0]
output eventHubName string = hub.name
output consumerGroupName string = consumerGroup.name
