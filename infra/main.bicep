// Digipuls on Azure: one Linux App Service (Node 20) running `digipuls serve`, Azure Database for
// PostgreSQL Flexible Server (also the pg-boss job queue), an Azure Bot with the Teams channel, Key
// Vault for the secrets, Application Insights for logs. Deploy per environment with a .bicepparam
// file from env/ (see README.md). Not compiled here: check with `az bicep build` before first use.

targetScope = 'resourceGroup'

@description('Short environment name, e.g. test or prod.')
param environmentName string

@description('Azure region; Norway East keeps data in Norway.')
param location string = resourceGroup().location

@description('Entra ID tenant of the municipality.')
param tenantId string = subscription().tenantId

@description('Application (client) id of the Digipuls app registration (bot and Teams SSO).')
param botAppId string

@secure()
@description('Client secret of the app registration.')
param botAppPassword string

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'digipulsadmin'

@secure()
@description('Administrator password of the PostgreSQL server.')
param postgresAdminPassword string

@description('The smallest group any figure about people is shown for (3 or more).')
@minValue(3)
param minGroupSize int = 5

@allowed(['nb', 'nn', 'sv', 'en'])
param defaultLocale string = 'nb'

@description('App Service plan SKU; B1 suits a pilot, P1v3 a whole municipality.')
param appServiceSku string = 'B1'

var name = 'digipuls-${environmentName}-${uniqueString(resourceGroup().id)}'
var hostName = '${name}.azurewebsites.net'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${name}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '15'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'digipuls'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take(replace('${name}-kv', '-', ''), 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: { value: botAppPassword }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/digipuls?sslmode=require'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npx digipuls serve'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'PORT', value: '8080' }
        { name: 'PUBLIC_URL', value: 'https://${hostName}' }
        { name: 'MicrosoftAppId', value: botAppId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(SecretUri=${botSecret.properties.secretUri})' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${databaseUrl.properties.secretUri})' }
        { name: 'DIGIPULS_MIN_GROUP_SIZE', value: string(minGroupSize) }
        { name: 'DEFAULT_LOCALE', value: defaultLocale }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
}

// The site reads its secrets from Key Vault with its managed identity (Key Vault Secrets User).
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, 'secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Digipuls'
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel', properties: { isEnabled: true } }
}

output url string = 'https://${hostName}'
output botEndpoint string = 'https://${hostName}/api/messages'
