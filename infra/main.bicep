// bacpac-flow on Azure Functions Flex Consumption, with one user-assigned managed identity for
// everything: the app's own storage (Durable Functions task hub, staging, deployment package),
// Application Insights ingestion, the SQL sources and the BACPAC targets. No keys or connection
// strings: the storage account refuses shared-key access.
//
//   az deployment group create -g <resource-group> -f infra/main.bicep -p baseName=<name>
//
// Granting the identity access to SQL databases and to other storage accounts is done outside this
// template (see the outputs and the README's "Deploy to Azure").

targetScope = 'resourceGroup'

@description('Prefix of every resource name: 3-11 lower-case letters and digits.')
@minLength(3)
@maxLength(11)
param baseName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Comma-separated SQL host names exports may read from (a leading *. allowed). Empty: any server the identity can reach.')
param allowedSourceServers string = '*.database.windows.net'

@description('Comma-separated blob service URLs (optionally with one container) exports may write to. Empty: the app storage account only.')
param allowedTargets string = ''

@description('Container of the app storage account for exported BACPACs (created here).')
param archiveContainerName string = 'bacpacs'

@description('NCRONTAB schedule of scheduled archival (six fields, UTC). Empty: archival off.')
param archiveSchedule string = ''

@description('JSON array of archive jobs (see the README). Used only with archiveSchedule.')
param archiveJobs string = '[]'

@description('Data parts exported at once by default.')
@minValue(1)
@maxValue(64)
param maxParallelism int = 4

@description('Most instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB (one export part holds about 160 MiB; the host runs up to 8 activities at once).')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

var suffix = uniqueString(resourceGroup().id, baseName)
var storageName = take(toLower('${baseName}${suffix}'), 24)
var appName = '${baseName}-${suffix}'
var deploymentContainerName = 'app-package'
var stagingContainerName = 'bacpac-staging'
var taskHubName = 'bacpacflow'

// Built-in role definitions (ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for name in [deploymentContainerName, stagingContainerName, archiveContainerName]: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

// Blobs (task hub leases, staging, packages, archives, user delegation keys), queues and tables
// (Durable Functions) of the app's own account.
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
    scope: storage
    name: guid(storage.id, identity.id, role)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // The app's storage account, reached with the managed identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        {
          name: 'DurableTaskHubName'
          value: taskHubName
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        }
        {
          name: 'BACPAC_STAGING_CONTAINER'
          value: stagingContainerName
        }
        {
          name: 'BACPAC_ALLOWED_SOURCE_SERVERS'
          value: allowedSourceServers
        }
        {
          name: 'BACPAC_ALLOWED_TARGETS'
          value: allowedTargets
        }
        {
          name: 'BACPAC_MAX_PARALLELISM'
          value: string(maxParallelism)
        }
        {
          name: 'BACPAC_MANAGED_IDENTITY_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BACPAC_ARCHIVE_SCHEDULE'
          value: archiveSchedule
        }
        {
          name: 'BACPAC_ARCHIVE_JOBS'
          value: archiveJobs
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
  dependsOn: [
    containers
    storageRoles
    insightsRole
  ]
}

@description('The Function App to publish the code to.')
output functionAppName string = app.name

@description('Base URL of the HTTP API (POST /api/exports, GET /api/exports/{id}, ...).')
output apiBaseUrl string = 'https://${app.properties.defaultHostName}/api'

@description('The app storage account; BACPACs go to its archive container unless allowedTargets names others.')
output storageAccountName string = storage.name

@description('Blob URL of the archive container, for export requests and BACPAC_ALLOWED_TARGETS.')
output archiveContainerUrl string = '${storage.properties.primaryEndpoints.blob}${archiveContainerName}'

@description('Name of the managed identity: the database user to create on each SQL source.')
output identityName string = identity.name

@description('Client id of the managed identity.')
output identityClientId string = identity.properties.clientId

@description('Object (principal) id of the managed identity, for role assignments on other storage accounts.')
output identityPrincipalId string = identity.properties.principalId
