using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Core.Tests.Validation;

/// <summary>The configuration the validation tests run against, held in dictionaries.</summary>
internal sealed class InMemoryConfigurationLookup : IConfigurationLookup
{
    public Dictionary<string, EventDefinition> Events { get; } = [];

    public Dictionary<string, DataSource> Sources { get; } = [];

    public Dictionary<string, CustomAction> Actions { get; } = [];

    /// <summary>Existing journeys and their entry event (null: exists, entry unknown).</summary>
    public Dictionary<string, string?> Journeys { get; } = [];

    public EventDefinition? FindEvent(string eventId) => Events.GetValueOrDefault(eventId);

    public DataSource? FindDataSource(string sourceId) => Sources.GetValueOrDefault(sourceId);

    public CustomAction? FindAction(string actionId) => Actions.GetValueOrDefault(actionId);

    public bool JourneyExists(string journeyId) => Journeys.ContainsKey(journeyId);

    public string? FindJourneyEntry(string journeyId) => Journeys.GetValueOrDefault(journeyId);

    /// <summary>The abandoned-cart setup of SPEC §2 plus a few extra resources the rules need.</summary>
    public static InMemoryConfigurationLookup Sample()
    {
        var lookup = new InMemoryConfigurationLookup();
        lookup.Events["cart.abandoned"] = new EventDefinition
        {
            Match = "type == 'cart.abandoned'",
            ProfileId = "customer.id",
            EventKey = "id",
            Fields = new()
            {
                ["id"] = FieldType.String,
                ["type"] = FieldType.String,
                ["customer.id"] = FieldType.String,
                ["customer.email"] = FieldType.String,
                ["cart.id"] = FieldType.String,
                ["cart.total"] = FieldType.Number,
                ["occurredAt"] = FieldType.DateTime,
                ["attributes"] = FieldType.Object,
            },
            Required = ["id", "customer.id", "cart.id"],
        };
        lookup.Events["order.placed"] = new EventDefinition
        {
            Match = "type == 'order.placed'",
            ProfileId = "customer.id",
            Fields = new() { ["customer.id"] = FieldType.String, ["cart.id"] = FieldType.String },
        };
        lookup.Events["user.signed-up"] = new EventDefinition { Match = "type == 'user.signed-up'", ProfileId = "user.id" };
        lookup.Sources["loyalty"] = new DataSource
        {
            BaseUrl = "https://loyalty.example.com",
            FieldGroups = new()
            {
                ["tier"] = new FieldGroup
                {
                    Method = "GET",
                    Path = "/members/{profile.id}",
                    Fields = new() { ["tier"] = FieldType.String, ["points"] = FieldType.Number },
                },
            },
        };
        lookup.Actions["send-email"] = new CustomAction
        {
            Method = "POST",
            Url = "https://mailer.example.com/send",
            Params = new() { ["email"] = FieldType.String, ["total"] = FieldType.Number },
            ResponseFields = new() { ["messageId"] = FieldType.String },
        };
        lookup.Actions["notify"] = new CustomAction
        {
            Method = "POST",
            Url = "https://notify.example.com/",
            Params = new() { ["email"] = FieldType.String },
        };
        lookup.Actions["ping"] = new CustomAction { Method = "GET", Url = "https://ping.example.com/" };
        lookup.Journeys["loyalty-boost"] = "cart.abandoned";
        lookup.Journeys["welcome"] = "user.signed-up";
        lookup.Journeys["legacy"] = null;
        return lookup;
    }
}
