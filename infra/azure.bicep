// Azure resources for Plan- och byggsamverkan Västerbotten, laid out as the Agents Toolkit's own templates:
// one App Service (Linux, Node 22) runs the tab, the REST API and the bot's /api/messages; the Azure Bot
// authenticates with a user-assigned managed identity; secrets live in Key Vault and reach the app only as Key
// Vault references; a storage account holds the bot's state and the blob leases of timed jobs; Application
// Insights receives the telemetry. No Bicep CLI ran here: tests/contract/infra.test.ts checks the structure.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('App Service plan SKU. Scale-out (more than one instance) needs S1/P0v3 or higher.')
param webAppSKU string = 'B1'

@maxLength(42)
param botDisplayName string

@description('Client id of the Entra app registration (tab SSO, on-behalf-of and app-only Graph): aadApp/create')
param aadAppClientId string

@description('The Teams manifest id (TEAMS_APP_ID): the tab binds the org catalog id of the app installed with it')
param teamsAppId string

@secure()
@description('Client secret of that app registration; stored in Key Vault, never in an app setting')
param aadAppClientSecret string

@description('Tenant of the app registration and of the Team and site')
param aadAppTenantId string = tenant().tenantId

@description('Other tenants whose users may call the API, comma separated; empty = only this tenant')
param allowedTenantIds string = ''

@description('Id of the Team the app serves (docs/deployment.md, step 3)')
param teamId string

param siteHostname string = 'regionvasterbotten.sharepoint.com'
param sitePath string = '/sites/planochbygg'

@description('Command that starts the server on App Service')
param startupCommand string = 'npm start'

param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param identityName string = resourceBaseName
param keyVaultName string = '${resourceBaseName}kv'
param storageAccountName string = toLower('${resourceBaseName}st')
param location string = resourceGroup().location

var stateTableName = 'botstate'
var jobsLeaseContainerName = 'jobleases'
var clientSecretName = 'aad-app-client-secret'
// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: clientSecretName
  properties: {
    value: aadAppClientSecret
    contentType: 'Entra app client secret (AAD_APP_CLIENT_ID)'
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only the managed identity reaches the data: no account keys, no connection strings to leak.
    allowSharedKeyAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource jobsLeaseContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: jobsLeaseContainerName
  properties: { publicAccess: 'None' }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: stateTableName
}

resource identityWritesBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource identityWritesTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (it holds Key Vault Secrets User).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: startupCommand
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        // --- the platform's own settings
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        // --- read by the server's config (api/config.ts)
        {
          name: 'MODE'
          value: 'tenant'
        }
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        {
          name: 'TENANT_ID'
          value: aadAppTenantId
        }
        {
          name: 'ALLOWED_TENANT_IDS'
          value: allowedTenantIds
        }
        {
          name: 'CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'CLIENT_SECRET'
          value: '@Microsoft.KeyVault(SecretUri=${clientSecret.properties.secretUri})'
        }
        {
          name: 'API_IDENTIFIER_URI'
          value: 'api://${webAppName}.azurewebsites.net/${aadAppClientId}'
        }
        {
          name: 'PUBLIC_URL'
          value: 'https://${webAppName}.azurewebsites.net'
        }
        {
          name: 'SITE_HOSTNAME'
          value: siteHostname
        }
        {
          name: 'SITE_PATH'
          value: sitePath
        }
        {
          name: 'TEAM_ID'
          value: teamId
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          name: 'BOT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          // wwwroot is read-only when running from the package; /home is the site's persistent storage.
          name: 'DATA_DIR'
          value: '/home/data'
        }
        // --- bot authentication with the managed identity, the state store and the job lease on the storage account
        {
          name: 'BOT_AUTH_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MANAGED_IDENTITY_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'STATE_STORE'
          value: 'azure'
        }
        {
          name: 'STORAGE_BLOB_ENDPOINT'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'STORAGE_TABLE_ENDPOINT'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'STATE_TABLE_NAME'
          value: stateTableName
        }
        {
          name: 'JOBS_LEASE_CONTAINER'
          value: jobsLeaseContainerName
        }
      ]
    }
  }
  dependsOn: [
    identityReadsSecrets
  ]
}

// Register the web service as a bot with the Bot Framework (msaAppType UserAssignedMSI).
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// Written into env/.env.{envName} by arm/deploy (https://aka.ms/teamsfx-actions/arm-deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output AZURE_KEY_VAULT_NAME string = keyVault.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
