using '../main.bicep'

param environmentName = 'prod'
param location = 'norwayeast'
param botAppId = readEnvironmentVariable('DIGIPULS_BOT_APP_ID')
param botAppPassword = readEnvironmentVariable('DIGIPULS_BOT_APP_PASSWORD')
param postgresAdminPassword = readEnvironmentVariable('DIGIPULS_POSTGRES_PASSWORD')
param appServiceSku = 'P1v3'
param minGroupSize = 5
