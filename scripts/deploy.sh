#!/usr/bin/env bash
# Deploys LeadFunctions to Azure: the resources in infra/main.bicep (Flex Consumption function app,
# identity-based storage, Key Vault, Application Insights), then the FunctionApp's Release build as a
# zip package. Needs the .NET SDK, zip and the Azure CLI, signed in (az login) to the subscription
# with the right to create role assignments (Owner, or Contributor + User Access Administrator): the
# app's managed identity is given its storage, Key Vault and monitoring roles.
#
#   scripts/deploy.sh <resource-group> [location]        location: westeurope unless given
#
# Parameters come from infra/main.parameters.json (edit appName, fromEmail, allowedOrigins there);
# secrets from these environment variables, stored in Key Vault (unset: not configured):
#   SENDGRID_API_KEY, ZOOM_SECRET_TOKEN, GENERIC_WEBHOOK_SECRET, GOTOWEBINAR_SECRET_KEY, LIVESTORM_WEBHOOK_SECRET,
#   TEAMS_CLIENT_STATE, GRAPH_CLIENT_SECRET (Teams webinars, with -- graphTenantId=… graphClientId=…),
#   ON24_ACCESS_TOKEN_KEY, ON24_ACCESS_TOKEN_SECRET (with -- on24ClientId=… on24EventIds=…),
#   SALES_HANDOFF_SECRET, CONSENT_TOKEN_SECRET,
#   CONSENT_PREVIOUS_TOKEN_SECRET (after rotating CONSENT_TOKEN_SECRET: the old one, so delivered links keep working),
#   ENTRA_CLIENT_SECRET (the workspace's app registration, with -- entraClientId=<client id>; docs/workspace.md)
# Other parameters of infra/main.bicep can be added as name=value after "--", e.g.
#   scripts/deploy.sh rg-leadfunctions westeurope -- salesHandoffWebhookUrl=https://crm.example.com/leads
set -euo pipefail
cd "$(dirname "$0")/.."

group=${1:?usage: scripts/deploy.sh <resource-group> [location] [-- name=value ...]}
shift
location=westeurope
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  location=$1
  shift
fi
if [ "${1:-}" = "--" ]; then
  shift
fi
for tool in az dotnet zip; do
  command -v "$tool" >/dev/null || { echo "deploy: '$tool' is required." >&2; exit 1; }
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "Building the function app..."
dotnet publish src/LeadFunctions.FunctionApp -c Release -o "$out/app" -nologo -v quiet
(cd "$out/app" && zip -qr "$out/app.zip" .)

echo "Deploying infra/main.bicep to resource group $group ($location)..."
az group create --name "$group" --location "$location" --output none
app=$(az deployment group create \
  --resource-group "$group" \
  --name leadfunctions \
  --template-file infra/main.bicep \
  --parameters @infra/main.parameters.json \
  --parameters sendGridApiKey="${SENDGRID_API_KEY:-}" zoomSecretToken="${ZOOM_SECRET_TOKEN:-}" \
    genericWebhookSecret="${GENERIC_WEBHOOK_SECRET:-}" goToWebinarSecretKey="${GOTOWEBINAR_SECRET_KEY:-}" \
    livestormWebhookSecret="${LIVESTORM_WEBHOOK_SECRET:-}" teamsClientState="${TEAMS_CLIENT_STATE:-}" \
    graphClientSecret="${GRAPH_CLIENT_SECRET:-}" on24AccessTokenKey="${ON24_ACCESS_TOKEN_KEY:-}" \
    on24AccessTokenSecret="${ON24_ACCESS_TOKEN_SECRET:-}" salesHandoffSecret="${SALES_HANDOFF_SECRET:-}" \
    consentTokenSecret="${CONSENT_TOKEN_SECRET:-}" consentPreviousTokenSecret="${CONSENT_PREVIOUS_TOKEN_SECRET:-}" \
    entraClientSecret="${ENTRA_CLIENT_SECRET:-}" "$@" \
  --query properties.outputs.functionAppName.value \
  --output tsv)

echo "Deploying the package to $app..."
az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$out/app.zip" --output none

host=$(az deployment group show --resource-group "$group" --name leadfunctions --query properties.outputs.defaultHostName.value --output tsv)
echo "Deployed: https://$host/api/health"
