namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>The Azure Storage service a request went to (each is billed per request).</summary>
public enum StorageService
{
    Queue,
    Table,
    Blob,
}
