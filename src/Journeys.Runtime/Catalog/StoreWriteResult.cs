namespace Journeys.Runtime.Catalog;

/// <summary>The outcome of an atomic conditional store write and, when it succeeded, what was written.</summary>
public sealed record StoreWriteResult<T>(StoreWriteStatus Status, T? Value)
{
    public bool Succeeded => Status is StoreWriteStatus.Created or StoreWriteStatus.Updated or StoreWriteStatus.Deleted;

    public static StoreWriteResult<T> Failed(StoreWriteStatus status) => new(status, default);
}
