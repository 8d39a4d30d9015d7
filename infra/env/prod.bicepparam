// Production for a whole municipality: two instances, a General Purpose database with 35 days of
// point-in-time restore copied to the paired region (Norway West), purge-protected Key Vault.
// Secrets come from the environment of whoever deploys (see ../README.md), never from this file.
using '../main.bicep'

param environmentName = 'prod'
param location = 'norwayeast'
param botAppId = readEnvironmentVariable('DIGIPULS_BOT_APP_ID')
param botAppPassword = readEnvironmentVariable('DIGIPULS_BOT_APP_PASSWORD')
param postgresAdminPassword = readEnvironmentVariable('DIGIPULS_POSTGRES_PASSWORD')
param publicHostName = readEnvironmentVariable('DIGIPULS_PUBLIC_HOST', '')

param appServiceSku = 'P1v3'
param instanceCount = 2
param botSku = 'S1'
param postgresSku = 'Standard_D2ds_v5'
param postgresTier = 'GeneralPurpose'
param postgresStorageGB = 64
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param postgresHighAvailability = false
param keyVaultPurgeProtection = true
param logRetentionDays = 90
param minGroupSize = 5
param defaultLocale = 'nb'
param logLevel = 'info'
