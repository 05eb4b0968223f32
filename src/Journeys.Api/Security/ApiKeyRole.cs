namespace Journeys.Api.Security;

/// <summary>What a route requires: the ingest key may only ingest; the admin key may do everything.</summary>
public enum ApiKeyRole
{
    Ingest,
    Admin,
}
