// Digipuls on Azure, one environment per deployment (see env/*.bicepparam and README.md):
// a Linux App Service (Node 20) running `node dist/app/cli.js serve`; Azure Database for PostgreSQL
// Flexible Server (Digipuls' tables and its pg-boss job queue); an Azure Bot with the Microsoft Teams
// channel; Key Vault for the secrets, read by the site's user-assigned managed identity; Log Analytics
// and Application Insights.
// NOTE: this file has not been compiled where it was written (no Bicep CLI offline). Run
// `az bicep build --file infra/main.bicep` and `az deployment group what-if` before the first deployment.

targetScope = 'resourceGroup'

@description('Short environment name in lower case, e.g. test or prod. Part of every resource name.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region. Norway East (or Sweden Central) keeps the data in the Nordics.')
param location string = resourceGroup().location

@description('The Entra ID (Microsoft 365) tenant of the municipality: the tenant of the app registration and of the staff.')
param m365TenantId string = subscription().tenantId

@description('Application (client) id of the Digipuls app registration: the bot\'s Microsoft App ID.')
@minLength(36)
@maxLength(36)
param botAppId string

@secure()
@description('Client secret of that app registration (MicrosoftAppPassword). Stored in Key Vault only.')
param botAppPassword string

@description('Client id of a separate app registration for tab SSO and Graph, if any. Empty: the bot registration serves both.')
param ssoClientId string = ''

@secure()
@description('Client secret of the separate SSO registration; required when ssoClientId is set.')
param ssoClientSecret string = ''

@description('A custom host name already bound to the web app (e.g. digipuls.fjordvik.kommune.no). Empty: the azurewebsites.net name.')
param publicHostName string = ''

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'digipulsadmin'

@secure()
@description('Administrator password of the PostgreSQL server. Stored in Key Vault (inside DATABASE_URL) only.')
param postgresAdminPassword string

@description('PostgreSQL compute: Standard_B1ms (Burstable) for a pilot, Standard_D2ds_v5 (GeneralPurpose) for a municipality.')
param postgresSku string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'

@minValue(32)
param postgresStorageGB int = 32

@description('Days of point-in-time restore (7-35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14

@description('Copy backups to the paired region (Norway West for Norway East). Can only be chosen when the server is created.')
param postgresGeoRedundantBackup bool = false

@description('A standby server in another availability zone (needs GeneralPurpose or MemoryOptimized).')
param postgresHighAvailability bool = false

@description('The smallest group any figure about people is shown for. Digipuls refuses less than 3.')
@minValue(3)
param minGroupSize int = 5

@allowed(['nb', 'nn', 'sv', 'en'])
param defaultLocale string = 'nb'

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('App Service plan SKU: B1 suits a pilot, P1v3 a whole municipality.')
param appServiceSku string = 'B1'

@description('Web app instances. Several may run side by side: pg-boss gives each job to one of them.')
@minValue(1)
param instanceCount int = 1

@description('Node.js on App Service (linuxFxVersion NODE|<this>). Digipuls needs 20.19 or later.')
param nodeVersion string = '20-lts'

@description('Azure Bot pricing tier. The Teams channel is a standard channel, free in both.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Key Vault purge protection: deleted secrets cannot be purged for 90 days. Cannot be turned off again.')
param keyVaultPurgeProtection bool = false

@description('Days Log Analytics keeps logs.')
@minValue(30)
param logRetentionDays int = 30

param tags object = {
  application: 'Digipuls'
  environment: environmentName
}

var env = toLower(environmentName)
var suffix = uniqueString(resourceGroup().id, env)
var name = 'digipuls-${env}-${suffix}'
// Key Vault names are 3-24 characters and global.
var vaultName = take('kvdp${env}${suffix}', 24)
var keyVaultRef = '@Microsoft.KeyVault(VaultName=${vaultName};SecretName='
var useSeparateSso = !empty(ssoClientId)

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    // Workspace-based: telemetry is kept as long as the workspace keeps logs (logRetentionDays).
    WorkspaceResourceId: logs.id
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg'
  location: location
  tags: tags
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: postgresStorageGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: postgresGeoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: postgresHighAvailability ? 'ZoneRedundant' : 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'digipuls'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0-0.0.0.0 means "services inside Azure", which includes other customers' services: the
// password and TLS protect the server. README.md describes private networking for stricter setups.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The API refuses an explicit false, so leave the property out unless it is turned on.
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    // verify-full: node-postgres checks the server's certificate (Azure's is publicly trusted).
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=verify-full'
  }
}

resource ssoSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (useSeparateSso) {
  parent: vault
  name: 'sso-client-secret'
  properties: {
    value: ssoClientSecret
  }
}

// The site's identity exists before the site, so it can read Key Vault from its first start.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
  tags: tags
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, 'Key Vault Secrets User')
  scope: vault
  properties: {
    // Key Vault Secrets User: read secret values, nothing else.
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'node dist/app/cli.js serve'
      alwaysOn: true
      http20Enabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      // /readyz checks the database and the job queue; App Service takes a failing instance out.
      healthCheckPath: '/readyz'
    }
  }
  dependsOn: [
    secretsUser
  ]
}

var hostName = empty(publicHostName) ? site.properties.defaultHostName : publicHostName

// Everything Digipuls reads (app/config.ts); secrets are Key Vault references.
var coreSettings = {
  // App Service's Node image sends traffic to port 8080; HOST defaults to 0.0.0.0 once MicrosoftAppId is set.
  PORT: '8080'
  NODE_ENV: 'production'
  PUBLIC_URL: 'https://${hostName}'
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: m365TenantId
  MicrosoftAppPassword: '${keyVaultRef}${botSecret.name})'
  DATABASE_URL: '${keyVaultRef}${databaseUrl.name})'
  DIGIPULS_MIN_GROUP_SIZE: string(minGroupSize)
  DEFAULT_LOCALE: defaultLocale
  LOG_LEVEL: logLevel
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  // The package is built in CI (README.md), not on the server.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}
var ssoSettings = useSeparateSso ? {
  AUTH_CLIENT_ID: ssoClientId
  AUTH_CLIENT_SECRET: '${keyVaultRef}sso-client-secret)'
} : {}

// This resource owns the whole list: settings added by hand in the portal go at the next deployment.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(coreSettings, ssoSettings)
  dependsOn: [
    ssoSecret
  ]
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Digipuls'
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: m365TenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('The public URL: PUBLIC_URL for `digipuls package`.')
output publicUrl string = 'https://${hostName}'
output botEndpoint string = 'https://${hostName}/api/messages'
output webAppName string = site.name
output keyVaultName string = vault.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
output logAnalyticsWorkspace string = logs.name
