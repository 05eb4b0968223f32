using System.Text.Json;
using Journeys.Core.Routing;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;

namespace Journeys.Runtime.Routing;

/// <summary>
/// SPEC §5 ingestion, entry and resume for one raw event, identical on both hosts: every matching event definition
/// applies; invalid events and duplicates are discarded with reasons; waiting instances of the profile are resumed
/// first (so that an entry event never resumes the instance it just started), then live journeys are entered
/// under the entry rules.
/// </summary>
public static class EventRouter
{
    public static async ValueTask<IngestResult> RouteAsync(RoutingTable table, JsonElement rawEvent, IRoutingContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(context);
        if (rawEvent.ValueKind != JsonValueKind.Object)
        {
            return new IngestResult { Error = "an event must be a JSON object" };
        }

        if (EventText.FindInvalid(rawEvent) is { } invalidText)
        {
            return RefuseInvalidText(table, rawEvent, invalidText, context, now);
        }

        var classifications = table.Classifier.Classify(rawEvent, now);
        if (classifications.Count == 0)
        {
            context.Unmatched();
            return new IngestResult { EventKey = UnmatchedEventKey(rawEvent) };
        }

        string? eventKey = null;
        // Allocated on first use: most events enter one journey and are discarded by none.
        List<string>? entered = null;
        List<string>? resumed = null;
        List<IngestDiscard>? discarded = null;
        var matched = new string[classifications.Count];
        for (var index = 0; index < matched.Length; index++)
        {
            matched[index] = classifications[index].EventId;
        }

        foreach (var classification in classifications)
        {
            eventKey ??= classification.EventKey;
            var entries = table.EntriesByEvent.GetValueOrDefault(classification.EventId) ?? [];
            if (!classification.IsValid)
            {
                var message = string.Join("; ", classification.Problems);
                (discarded ??= []).Add(new IngestDiscard(DiscardReason.InvalidEvent, Event: classification.EventId, Message: message));
                foreach (var journey in entries)
                {
                    context.Discarded(journey.JourneyId, journey.Version, DiscardReason.InvalidEvent);
                }

                continue;
            }

            var profileId = classification.ProfileId!;
            if (classification.EventKey is { } key && !await context.TryRecordEventKeyAsync(classification.EventId, key, now))
            {
                (discarded ??= []).Add(new IngestDiscard(DiscardReason.Duplicate, Event: classification.EventId, Message: $"event key '{key}' was already ingested"));
                foreach (var journey in entries)
                {
                    context.Discarded(journey.JourneyId, journey.Version, DiscardReason.Duplicate);
                }

                continue;
            }

            foreach (var journeyId in table.WaitingJourneysByEvent.GetValueOrDefault(classification.EventId) ?? [])
            {
                if (await context.ResumeAsync(journeyId, profileId, classification.EventId, rawEvent, now))
                {
                    (resumed ??= []).Add(journeyId);
                }
                else if (await UnavailableWaitAsync(table, context, journeyId, profileId, classification.EventId) is { } lost)
                {
                    // The instance waits for this event on a version that cannot run here: it keeps waiting (a restored
                    // definition lets it go on), the event is a counted discard with the reason.
                    (discarded ??= []).Add(new IngestDiscard(DiscardReason.JourneyUnavailable, Journey: journeyId, Event: classification.EventId, Message: lost.Reason));
                    context.Discarded(journeyId, lost.Version, DiscardReason.JourneyUnavailable);
                }
            }

            foreach (var journey in entries)
            {
                var decision = await EntryGate.DecideAsync(context, journey.JourneyId, journey.Version, journey.Reentry, profileId, now);
                if (decision.Enter)
                {
                    await context.StartAsync(journey, profileId, rawEvent, now);
                    (entered ??= []).Add(journey.JourneyId);
                }
                else
                {
                    (discarded ??= []).Add(new IngestDiscard(decision.Reason!.Value, Journey: journey.JourneyId, Event: classification.EventId));
                }
            }

            // A live journey that cannot run still answers for its events: a counted discard with the reason.
            foreach (var lost in table.UnavailableByEvent.GetValueOrDefault(classification.EventId) ?? [])
            {
                (discarded ??= []).Add(new IngestDiscard(DiscardReason.JourneyUnavailable, Journey: lost.JourneyId, Event: classification.EventId, Message: lost.Reason));
                context.Discarded(lost.JourneyId, lost.Version, DiscardReason.JourneyUnavailable);
            }
        }

        return new IngestResult
        {
            EventKey = eventKey,
            Matched = matched,
            Entered = entered ?? (IReadOnlyList<string>)[],
            Resumed = resumed ?? (IReadOnlyList<string>)[],
            Discarded = discarded ?? (IReadOnlyList<IngestDiscard>)[],
        };
    }

    /// <summary>The unavailable version the profile's instance waits for the event on; null when there is none.</summary>
    private static async ValueTask<UnavailableJourney?> UnavailableWaitAsync(RoutingTable table, IRoutingContext context, string journeyId, string profileId, string eventId)
    {
        if (table.UnavailableVersions.Count == 0 || !table.UnavailableVersions.Keys.Any(k => k.JourneyId == journeyId)
            || await context.WaitingVersionAsync(journeyId, profileId, eventId) is not { } version
            || !table.UnavailableVersions.TryGetValue((journeyId, version), out var reason))
        {
            return null;
        }

        return new UnavailableJourney(journeyId, version, reason);
    }

    /// <summary>
    /// With no definition there is no <c>eventKey</c> expression to evaluate, so the result names the event by its
    /// top-level <c>id</c> (a string or a number), which is what producers look for; null when it has none.
    /// </summary>
    private static string? UnmatchedEventKey(JsonElement rawEvent) =>
        rawEvent.TryGetProperty("id", out var id) ? id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        } : null;

    /// <summary>
    /// An event holding text that is not Unicode is refused whole: an invalid-event discard, counted, for every
    /// definition it matches (the match may not even be readable: then it is answered with the error alone). Its key
    /// is not recorded, so a corrected redelivery is taken.
    /// </summary>
    private static IngestResult RefuseInvalidText(RoutingTable table, JsonElement rawEvent, string reason, IRoutingContext context, DateTimeOffset now)
    {
        IReadOnlyList<EventClassification> classifications;
        try
        {
            classifications = table.Classifier.Classify(rawEvent, now);
        }
        catch (InvalidOperationException)
        {
            // A match read the broken string itself: which definitions match cannot be known.
            classifications = [];
        }

        if (classifications.Count == 0)
        {
            return new IngestResult { Error = "the event was refused: " + reason };
        }

        var discarded = new List<IngestDiscard>(classifications.Count);
        foreach (var classification in classifications)
        {
            discarded.Add(new IngestDiscard(DiscardReason.InvalidEvent, Event: classification.EventId, Message: reason));
            foreach (var journey in table.EntriesByEvent.GetValueOrDefault(classification.EventId) ?? [])
            {
                context.Discarded(journey.JourneyId, journey.Version, DiscardReason.InvalidEvent);
            }
        }

        return new IngestResult
        {
            EventKey = classifications.Select(c => c.EventKey).FirstOrDefault(k => k is not null),
            Matched = classifications.Select(c => c.EventId).ToArray(),
            Discarded = discarded,
        };
    }
}
