using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;

namespace Journeys.Core.Tests.Execution;

/// <summary>The SPEC §2 configuration (cart.abandoned, order.placed, loyalty, send-email) as an in-memory lookup.</summary>
internal sealed class TestConfiguration : IConfigurationLookup
{
    public Dictionary<string, EventDefinition> Events { get; } = new(StringComparer.Ordinal)
    {
        ["cart.abandoned"] = ContractJson.ReadEventDefinition("""
            { "match": "type == 'cart.abandoned'", "profileId": "customer.id", "eventKey": "id",
              "fields": { "id": "string", "type": "string", "customer.id": "string", "customer.email": "string",
                          "customer.tier": "string", "cart.id": "string", "cart.total": "number",
                          "occurredAt": "datetime", "remindAt": "string", "text": "string", "flag": "boolean" },
              "required": ["id", "customer.id", "cart.id"] }
            """).Value!,
        ["order.placed"] = ContractJson.ReadEventDefinition("""
            { "match": "type == 'order.placed'", "profileId": "customer.id", "eventKey": "id",
              "fields": { "id": "string", "type": "string", "customer.id": "string", "cart.id": "string", "order.total": "number" } }
            """).Value!,
    };

    public Dictionary<string, DataSource> DataSources { get; } = new(StringComparer.Ordinal)
    {
        ["loyalty"] = ContractJson.ReadDataSource("""
            { "baseUrl": "https://loyalty.example.com", "timeoutMs": 5000, "rateLimitPerSecond": 15,
              "fieldGroups": {
                "tier": { "method": "GET", "path": "/members/{profile.id}", "cacheSeconds": 300,
                          "fields": { "tier": "string", "points": "number" } },
                "offers": { "method": "GET", "path": "/offers/{entry.cart.id}",
                            "fields": { "best": "string" } } } }
            """).Value!,
    };

    public Dictionary<string, CustomAction> Actions { get; } = new(StringComparer.Ordinal)
    {
        ["send-email"] = ContractJson.ReadCustomAction("""
            { "method": "POST", "url": "https://mailer.example.com/send",
              "params": { "email": "string", "total": "number" },
              "body": { "to": "{{params.email}}", "subject": "You left {{params.total}} EUR behind" },
              "timeoutMs": 10000, "maxRetries": 3, "capPerMinute": 300000,
              "responseFields": { "messageId": "string" } }
            """).Value!,
    };

    public HashSet<string> Journeys { get; } = new(StringComparer.Ordinal) { "cart", "loyalty-welcome" };

    public EventDefinition? FindEvent(string eventId) => Events.GetValueOrDefault(eventId);

    public DataSource? FindDataSource(string sourceId) => DataSources.GetValueOrDefault(sourceId);

    public CustomAction? FindAction(string actionId) => Actions.GetValueOrDefault(actionId);

    public bool JourneyExists(string journeyId) => Journeys.Contains(journeyId);
}
