using Npgsql;

namespace EventLedger.Tests.Support;

/// <summary>What someone with the database's superuser can do behind the service's back.</summary>
public static class Superuser
{
    public static string ConnectionString => new NpgsqlConnectionStringBuilder(LedgerApp.ConnectionString) { Username = "postgres", Password = null }.ConnectionString;

    /// <summary>Runs SQL as the superuser with triggers off (session_replication_role = replica), as a deliberate tamperer would.</summary>
    public static async Task<int> Tamper(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("set session_replication_role = replica", connection)) await replica.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
