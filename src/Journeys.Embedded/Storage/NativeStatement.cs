using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Journeys.Embedded.Storage;

/// <summary>
/// A statement prepared once on the writer's connection and driven through SQLite's C API (SQLitePCLRaw, which
/// Microsoft.Data.Sqlite itself sits on). Microsoft.Data.Sqlite looks every parameter up by name and builds a data
/// reader on every execution — over half of the engine loop's time when it routes a batch of events. Here
/// parameters are bound by position (1-based, in the order they appear in the SQL) and results read in place.
/// Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public NativeStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    public NativeStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            return BindNull(index);
        }

        if (value.Length == 0)
        {
            // An empty span pins to a null pointer, which SQLite would bind as NULL, not as ''.
            Check(raw.sqlite3_bind_text(statement, index, value));
            return this;
        }

        // SQLitePCL's string overload allocates a fresh UTF-8 array per call; ids and keys are bound several times per
        // event, so they are encoded into the stack (or a pooled array when long) instead. SQLite copies the bytes.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            Check(raw.sqlite3_bind_text(statement, index, buffer[..length]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return this;
    }

    public NativeStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, index, value));
        return this;
    }

    public NativeStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : BindNull(index);

    public NativeStatement Bind(int index, ReadOnlySpan<byte> blob)
    {
        Check(raw.sqlite3_bind_blob(statement, index, blob));
        return this;
    }

    public NativeStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(statement, index));
        return this;
    }

    /// <summary>Runs a statement that returns no rows; the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            {
                Check(rc);
            }

            return raw.sqlite3_changes(database);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Steps to the next row; false at the end. Call <see cref="Reset"/> when done reading.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            Reset();
            Check(rc);
        }

        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    /// <summary>The column's bytes, valid until the next <see cref="Read"/> or <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(statement, column);

    public void Reset()
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }

    public void Dispose() => statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc, raw.sqlite3_extended_errcode(database));
        }
    }
}
