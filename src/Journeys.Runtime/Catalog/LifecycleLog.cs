using Microsoft.Extensions.Logging;

namespace Journeys.Runtime.Catalog;

/// <summary>Logs each lifecycle change of a journey (publish, close, stop): the events an operator looks for first.</summary>
public sealed partial class LifecycleLog(ILogger<LifecycleLog> logger) : IJourneyLifecycleObserver
{
    public Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ended = change.EndedVersions.Count == 0 ? "none" : string.Join(", ", change.EndedVersions);
        if (change.Status == JourneyStatus.Live && change.LiveVersion is { } version)
        {
            Published(logger, change.JourneyId, version, ended);
        }
        else
        {
            Changed(logger, change.JourneyId, change.Status, ended);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey '{JourneyId}' version {Version} published and live (versions no longer taking entrants: {Ended})")]
    private static partial void Published(ILogger logger, string journeyId, int version, string ended);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey '{JourneyId}' is now {Status} (versions ended: {Ended})")]
    private static partial void Changed(ILogger logger, string journeyId, JourneyStatus status, string ended);
}
