using System.Globalization;
using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Serialization;

namespace Journeys.Runtime.Simulation;

/// <summary>
/// Reads a SPEC §8 scenario from JSON and reports every problem at once, each with the JSON path at fault, so that
/// a bad scenario is a 400 naming its paths and never a half-run simulation. Values are cloned: the result does
/// not depend on the document it was read from.
/// </summary>
public static class ScenarioReader
{
    private static readonly string[] ScenarioProperties = ["start", "events", "data", "actions", "until"];

    /// <param name="root">The scenario object.</param>
    /// <param name="limits">Events and span limits, checked here with their own codes.</param>
    /// <param name="path">The path of <paramref name="root"/> in its document (<c>$</c> for a request body).</param>
    /// <param name="otherProperties">Properties the caller owns beside the scenario's (a test case's <c>name</c>, <c>expect</c>).</param>
    public static ScenarioReadResult Read(JsonElement root, SimulationLimits limits, string path = "$", IReadOnlyCollection<string>? otherProperties = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<ContractError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Invalid(path, "A scenario is a JSON object."));
            return new ScenarioReadResult(null, errors);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!ScenarioProperties.Contains(property.Name, StringComparer.Ordinal) && otherProperties?.Contains(property.Name) != true)
            {
                errors.Add(Invalid($"{path}.{property.Name}", $"Unknown scenario property '{property.Name}' (expected start, events, data, actions, until)."));
            }
        }

        var start = Scenario.DefaultStart;
        if (root.TryGetProperty("start", out var startElement))
        {
            if (startElement.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(startElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out start)
                || !HasOffset(startElement.GetString()!))
            {
                errors.Add(Invalid($"{path}.start", "start must be an ISO-8601 date and time with an offset, e.g. \"2026-01-05T09:00:00Z\"."));
            }
        }

        var events = ReadEvents(root, limits, path, errors);
        var data = ReadData(root, path, errors);
        var actions = ReadActions(root, path, errors);
        TimeSpan? until = null;
        if (root.TryGetProperty("until", out var untilElement))
        {
            until = Duration(untilElement, $"{path}.until", errors, allowZero: false);
            if (until > limits.MaxSpan)
            {
                errors.Add(new ContractError(SimulationErrorCodes.SpanTooLong, $"{path}.until", $"until is beyond the longest simulated span, {IsoDuration.Format(limits.MaxSpan)}."));
            }
        }

        return errors.Count > 0
            ? new ScenarioReadResult(null, errors)
            : new ScenarioReadResult(new Scenario { Start = start.ToUniversalTime(), Events = events, Data = data, Actions = actions, Until = until }, errors);
    }

    private static List<ScenarioEvent> ReadEvents(JsonElement root, SimulationLimits limits, string path, List<ContractError> errors)
    {
        var events = new List<ScenarioEvent>();
        if (!root.TryGetProperty("events", out var array))
        {
            return events;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Invalid($"{path}.events", "events must be an array of { \"at\", \"event\" }."));
            return events;
        }

        var count = array.GetArrayLength();
        if (count > limits.MaxEvents)
        {
            errors.Add(new ContractError(SimulationErrorCodes.TooManyEvents, $"{path}.events", $"A scenario has at most {limits.MaxEvents} events; this one has {count}."));
            return events;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.events[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Invalid(itemPath, "Each event entry is an object { \"at\", \"event\" }."));
                index++;
                continue;
            }

            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("at" or "event"))
                {
                    errors.Add(Invalid($"{itemPath}.{property.Name}", $"Unknown property '{property.Name}' (expected at, event)."));
                }
            }

            var offset = item.TryGetProperty("at", out var at) ? Duration(at, $"{itemPath}.at", errors, allowZero: true) : TimeSpan.Zero;
            if (offset > limits.MaxSpan)
            {
                errors.Add(new ContractError(SimulationErrorCodes.SpanTooLong, $"{itemPath}.at", $"at is beyond the longest simulated span, {IsoDuration.Format(limits.MaxSpan)}."));
            }

            if (!item.TryGetProperty("event", out var raw) || raw.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Invalid($"{itemPath}.event", "event must be the raw event, a JSON object."));
            }
            else if (offset is { } value)
            {
                events.Add(new ScenarioEvent(index, value, raw.Clone()));
            }

            index++;
        }

        return events;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, JsonElement>> ReadData(JsonElement root, string path, List<ContractError> errors)
    {
        var data = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("data", out var element))
        {
            return data;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Invalid($"{path}.data", "data must be an object keyed by \"source.group\"."));
            return data;
        }

        foreach (var group in element.EnumerateObject())
        {
            var groupPath = $"{path}.data['{group.Name}']";
            var dot = group.Name.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == group.Name.Length - 1 || group.Name.IndexOf('.', dot + 1) >= 0)
            {
                errors.Add(Invalid(groupPath, $"'{group.Name}' is not \"source.group\" (e.g. \"loyalty.tier\")."));
                continue;
            }

            if (group.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Invalid(groupPath, "Each data group is an object keyed by profile id (\"*\" for any other profile)."));
                continue;
            }

            var byProfile = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var profile in group.Value.EnumerateObject())
            {
                if (profile.Value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(Invalid($"{groupPath}['{profile.Name}']", "A stubbed field group response is a JSON object."));
                    continue;
                }

                byProfile[profile.Name] = profile.Value.Clone();
            }

            data[group.Name] = byProfile;
        }

        return data;
    }

    private static Dictionary<string, IReadOnlyList<ActionStub>> ReadActions(JsonElement root, string path, List<ContractError> errors)
    {
        var actions = new Dictionary<string, IReadOnlyList<ActionStub>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("actions", out var element))
        {
            return actions;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Invalid($"{path}.actions", "actions must be an object keyed by action id."));
            return actions;
        }

        foreach (var action in element.EnumerateObject())
        {
            var actionPath = $"{path}.actions['{action.Name}']";
            var stubs = new List<ActionStub>();
            if (action.Value.ValueKind == JsonValueKind.Array)
            {
                if (action.Value.GetArrayLength() == 0)
                {
                    errors.Add(Invalid(actionPath, "A sequence of responses needs at least one response."));
                }

                var index = 0;
                foreach (var item in action.Value.EnumerateArray())
                {
                    if (Stub(item, $"{actionPath}[{index++}]", errors) is { } stub)
                    {
                        stubs.Add(stub);
                    }
                }
            }
            else if (Stub(action.Value, actionPath, errors) is { } stub)
            {
                stubs.Add(stub);
            }

            actions[action.Name] = stubs;
        }

        return actions;
    }

    private static ActionStub? Stub(JsonElement element, string path, List<ContractError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Invalid(path, "A response is an object { \"status\", \"body\", \"delayMs\", \"timeout\" }."));
            return null;
        }

        var status = 200;
        JsonElement? body = EmptyObject;
        var delayMs = 0;
        var timesOut = false;
        var valid = true;
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "status":
                    if (!property.Value.TryGetInt32(out status) || status is < 100 or > 599)
                    {
                        errors.Add(Invalid(propertyPath, "status must be an HTTP status code, 100 to 599."));
                        valid = false;
                    }

                    break;
                case "body":
                    body = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.Clone();
                    break;
                case "delayMs":
                    if (!property.Value.TryGetInt32(out delayMs) || delayMs < 0)
                    {
                        errors.Add(Invalid(propertyPath, "delayMs must be a whole number of milliseconds, 0 or more."));
                        valid = false;
                    }

                    break;
                case "timeout":
                    if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        errors.Add(Invalid(propertyPath, "timeout must be true or false."));
                        valid = false;
                    }
                    else
                    {
                        timesOut = property.Value.GetBoolean();
                    }

                    break;
                default:
                    errors.Add(Invalid(propertyPath, $"Unknown response property '{property.Name}' (expected status, body, delayMs, timeout)."));
                    valid = false;
                    break;
            }
        }

        return valid ? new ActionStub(status, body, delayMs, timesOut) : null;
    }

    private static TimeSpan? Duration(JsonElement element, string path, List<ContractError> errors, bool allowZero)
    {
        if (element.ValueKind == JsonValueKind.String && IsoDuration.TryParse(element.GetString(), out var duration) && (allowZero || duration > TimeSpan.Zero))
        {
            return duration;
        }

        errors.Add(Invalid(path, $"Expected an ISO-8601 duration{(allowZero ? string.Empty : " greater than zero")}, e.g. \"PT20M\", \"P3D\"."));
        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static ContractError Invalid(string path, string message) => new(SimulationErrorCodes.ScenarioInvalid, path, message);

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
