using Journeys.Model;

namespace Journeys.Validation;

/// <summary>
/// Validates event definitions, data sources and custom actions on their own (before they are stored):
/// ids, expressions, templates, auth settings, limits.
/// STUB: the validation work fills this in; the members below are the agreed surface.
/// </summary>
public static class ConfigurationValidator
{
    /// <summary>Ids of every resource match this pattern.</summary>
    public const string IdPattern = "^[A-Za-z0-9._-]{1,64}$";

    public static ValidationResult ValidateId(string id) => throw new NotImplementedException();

    public static ValidationResult Validate(string eventId, EventDefinition definition) => throw new NotImplementedException();

    public static ValidationResult Validate(string sourceId, DataSource source) => throw new NotImplementedException();

    public static ValidationResult Validate(string actionId, CustomAction action) => throw new NotImplementedException();
}
