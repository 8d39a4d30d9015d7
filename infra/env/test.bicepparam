// The test environment: small and cheap, a pilot with a few units. Secrets come from the
// environment of whoever deploys (see ../README.md), never from this file.
using '../main.bicep'

param environmentName = 'test'
param location = 'norwayeast'
param botAppId = readEnvironmentVariable('DIGIPULS_BOT_APP_ID')
param botAppPassword = readEnvironmentVariable('DIGIPULS_BOT_APP_PASSWORD')
param postgresAdminPassword = readEnvironmentVariable('DIGIPULS_POSTGRES_PASSWORD')
param publicHostName = readEnvironmentVariable('DIGIPULS_PUBLIC_HOST', '')

param appServiceSku = 'B1'
param instanceCount = 1
param botSku = 'F0'
param postgresSku = 'Standard_B1ms'
param postgresTier = 'Burstable'
param postgresBackupRetentionDays = 7
param postgresGeoRedundantBackup = false
param keyVaultPurgeProtection = false
param minGroupSize = 5
param defaultLocale = 'nb'
param logLevel = 'debug'
