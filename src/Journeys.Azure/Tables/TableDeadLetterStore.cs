using Azure.Data.Tables;
using Journeys.Azure.Durable;

namespace Journeys.Azure.Tables;

/// <summary>
/// <see cref="IDeadLetterStore"/>: PartitionKey = UTC day (<c>yyyyMMdd</c>), RowKey = newest first + a GUID. The
/// message is cut to 30,000 characters (a string property holds at most 64 KiB of UTF-16).
/// </summary>
public sealed class TableDeadLetterStore(JourneyTables tables) : IDeadLetterStore
{
    private const int MaxChars = 30_000;

    public async Task AddAsync(string message, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await tables.GetAsync(JourneyTables.DeadLetters);
        var entity = new TableEntity(at.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), TableKeys.NewestFirst(at) + "-" + Guid.NewGuid().ToString("N"))
        {
            ["Message"] = message.Length <= MaxChars ? message : message[..MaxChars],
            ["Truncated"] = message.Length > MaxChars,
            ["Reason"] = reason,
            ["At"] = at,
        };
        await table.AddEntityAsync(entity, cancellationToken);
    }
}
