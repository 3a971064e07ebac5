using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Pool.Core.Mining;

namespace Pool.Ledger.SpoolWriter;

/// <summary>
/// A share-writing process for the kill test: <c>write REDIS SPOOL POOL INSTANCE COUNT ACKFILE</c> records shares and appends
/// each acknowledged share id to ACKFILE; <c>drain REDIS SPOOL POOL INSTANCE</c> restarts on the spool and waits until Redis holds it.
/// </summary>
public static class Program
{
    private const int Writers = 4;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 4 || args[0] is not ("write" or "drain") || (args[0] == "write" && args.Length < 6))
        {
            await Console.Error.WriteLineAsync("usage: write REDIS SPOOL POOL INSTANCE COUNT ACKFILE | drain REDIS SPOOL POOL INSTANCE");
            return 2;
        }

        var options = new LedgerOptions
        {
            RedisConfiguration = args[1],
            SpoolDirectory = args[2],
            PoolId = args[3],
            InstanceId = args[4],
            BatchLinger = TimeSpan.Zero,
        };
        await using var redis = await LedgerRedisConnection.ConnectAsync(options);
        await using var ledger = new RedisShareLedger(options, redis, NullLogger<RedisShareLedger>.Instance);
        await ledger.StartAsync();
        if (args[0] == "drain")
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await ledger.FlushAsync(timeout.Token);
            await ledger.StopAsync();
            Console.WriteLine("drained");
            return 0;
        }

        var count = int.Parse(args[5], CultureInfo.InvariantCulture);
        await using var acks = new FileStream(args[6], FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        var gate = new SemaphoreSlim(1, 1);
        Console.WriteLine("writing");
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async writer =>
        {
            for (var i = writer; i < count; i += Writers)
            {
                var id = "k-" + i.ToString(CultureInfo.InvariantCulture);
                await ledger.RecordAsync(new AcceptedShare(id, "miner" + writer, "w", 1, 1, 1000, "j", 1, DateTimeOffset.UtcNow, options.InstanceId, false));
                await gate.WaitAsync();
                try
                {
                    // Unbuffered: each id is one write(), so it is in the file the moment the share is acknowledged.
                    await acks.WriteAsync(Encoding.ASCII.GetBytes(id + "\n"));
                }
                finally
                {
                    gate.Release();
                }
            }
        }));
        Console.WriteLine("done");
        return 0;
    }
}
