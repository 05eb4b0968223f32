using Journeys.Core.Model;
using Journeys.Core.Serialization;

using Journeys.Embedded.Storage;
using Journeys.TestSupport.Storage;

namespace Journeys.TestSupport.Catalog;

/// <summary>Contract bodies written as an admin would send them (SPEC §2).</summary>
public static class Samples
{
    public static EventDefinition CartAbandoned(string description = "Shopper left items in the cart") => Read(ContractJson.ReadEventDefinition($$"""
        { "description": "{{description}}", "match": "type == 'cart.abandoned'", "profileId": "customer.id", "eventKey": "id",
          "fields": { "id": "string", "type": "string", "customer.id": "string", "customer.email": "string", "cart.id": "string" },
          "required": ["id"] }
        """));

    public static EventDefinition OrderPlaced() => Read(ContractJson.ReadEventDefinition("""
        { "match": "type == 'order.placed'", "profileId": "customer.id", "eventKey": "id",
          "fields": { "id": "string", "type": "string", "customer.id": "string", "cart.id": "string" } }
        """));

    public static DataSource Loyalty() => Read(ContractJson.ReadDataSource("""
        { "baseUrl": "https://loyalty.example.com", "auth": { "type": "apiKey", "header": "x-api-key", "secretSetting": "LOYALTY_KEY" },
          "fieldGroups": { "tier": { "method": "GET", "path": "/members/{profile.id}", "fields": { "tier": "string" } } } }
        """));

    public static CustomAction SendEmail() => Read(ContractJson.ReadCustomAction("""
        { "method": "POST", "url": "https://mailer.example.com/send", "params": { "email": "string" },
          "body": { "to": "{{params.email}}" } }
        """));

    /// <summary>Uses event <c>cart.abandoned</c> (entry), <c>order.placed</c> (waited), action <c>send-email</c>, data source <c>loyalty</c>.</summary>
    public static Journey Cart(string name = "Abandoned cart") => Read(ContractJson.ReadJourney($$"""
        { "name": "{{name}}", "entry": "cart.abandoned", "start": "await-order",
          "nodes": {
            "await-order": { "type": "waitForEvent", "event": "order.placed", "timeout": "PT1H", "next": "done", "timeoutNext": "tier-check" },
            "tier-check": { "type": "condition", "branches": [ { "when": "data.loyalty.tier.tier == 'gold'", "next": "mail" } ], "otherwise": "done" },
            "mail": { "type": "action", "action": "send-email", "params": { "email": "entry.customer.email" }, "next": "done" },
            "done": { "type": "end" } } }
        """));

    /// <summary>Only an entry and an end: uses event <c>order.placed</c> and nothing else.</summary>
    public static Journey ThankYou() => Read(ContractJson.ReadJourney("""
        { "name": "Thank you", "entry": "order.placed", "start": "done", "nodes": { "done": { "type": "end" } } }
        """));

    private static T Read<T>(ContractReadResult<T> result)
        where T : class =>
        result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
}
