namespace Journeys.Core.Model;

/// <summary>
/// How to recognise one kind of incoming event (SPEC §2). <see cref="Match"/>, <see cref="ProfileId"/> and
/// <see cref="EventKey"/> are expressions over the raw event object, whose top-level properties are bare names.
/// </summary>
public sealed class EventDefinition
{
    public string? Description { get; set; }

    public string? Match { get; set; }

    public string? ProfileId { get; set; }

    public string? EventKey { get; set; }

    /// <summary>Dotted paths into the event ("cart.total") and their types.</summary>
    public Dictionary<string, FieldType>? Fields { get; set; }

    public List<string>? Required { get; set; }
}
