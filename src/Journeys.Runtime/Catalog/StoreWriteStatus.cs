namespace Journeys.Runtime.Catalog;

/// <summary>What a conditional store write did.</summary>
public enum StoreWriteStatus
{
    Created,
    Updated,
    Deleted,

    /// <summary>The item does not exist (and the operation needs it to).</summary>
    NotFound,

    /// <summary>The item's current ETag or status is not the one the caller made the write conditional on.</summary>
    PreconditionFailed,
}
