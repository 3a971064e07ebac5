using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Pool.Chain.Coins;
using Pool.Chain.Jobs;
using Pool.Chain.Templates;
using Pool.Core.Mining;
using Pool.Core.Pow;
using Pool.Host.Run;
using Pool.Stratum;
using Pool.Stratum.Options;

namespace Pool.LoadGenerator;

/// <summary>
/// The real Stratum server with a Bitcoin mainnet-sized job (2,047 transactions, so a 11-hash merkle branch) and no
/// coin node: what the load generator measures. Block-level bits keep every share from being a block.
/// </summary>
public static class BenchServer
{
    /// <summary>Address the load authorizes as (a Bitcoin mainnet address).</summary>
    public const string MinerAddress = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

    /// <summary>Runs the server on <paramref name="port"/> until stdin closes or the process is stopped.</summary>
    public static async Task<int> RunAsync(int port, double difficulty, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        var profile = CoinProfiles.Get("bitcoin");
        var address = profile.ParseAddress(MinerAddress, "main");
        var jobs = new JobManager(
            new JobFactory(new CoinbaseBuilder(address.ScriptPubKey.ToBytes(), Encoding.ASCII.GetBytes("/bench/"), 8), Sha256dPow.Instance),
            historySize: 16, refreshInterval: TimeSpan.FromSeconds(30), TimeProvider.System, loggerFactory.CreateLogger<JobManager>());
        jobs.Offer(MainnetSizedTemplate());

        var options = new StratumOptions
        {
            Ports = [new StratumPortOptions { Address = IPAddress.Loopback.ToString(), Port = port, StartingDifficulty = difficulty }],
            MaxConnectionsPerIp = 100_000,
            Vardiff = new VardiffOptions { Enabled = false, MinDifficulty = 1e-12 },
            Bans = new BanOptions { Enabled = false },
        };
        var sink = new CountingSink();
        await using var server = new StratumServer(options, jobs, sink, sink, sink, Sha256dPow.Instance,
            new CoinAddressValidator(profile, "main"), null, loggerFactory, TimeProvider.System);
        await server.StartAsync(cancellationToken);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"listening {port}"));
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await server.StopAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"server recorded {sink.Shares} shares, {sink.Blocks} blocks"));
        return 0;
    }

    private static BlockTemplate MainnetSizedTemplate()
    {
        var transactions = Enumerable.Range(0, 2047)
            .Select(_ => new TemplateTransaction([0x00], RandomNumberGenerator.GetBytes(32), 1000))
            .ToList();
        var previous = RandomNumberGenerator.GetBytes(32);
        return new BlockTemplate
        {
            Height = 900_000,
            Version = 0x20000000,
            PreviousBlockHash = Convert.ToHexStringLower(previous.Reverse().ToArray()),
            PreviousBlockHashBytes = previous,
            Transactions = transactions,
            CoinbaseValue = 312_500_000,
            Bits = 0x17030ecd,
            CurrentTime = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            MinimumTime = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600,
            ContentKey = "bench",
        };
    }

    /// <summary>Counts what the server hands on instead of storing it, so the server's memory is its own.</summary>
    private sealed class CountingSink : IShareSink, IBlockFoundSink, IBlockSubmitter
    {
        private long _shares;
        private long _blocks;

        public long Shares => Interlocked.Read(ref _shares);

        public long Blocks => Interlocked.Read(ref _blocks);

        public ValueTask RecordAsync(AcceptedShare share, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _shares);
            return ValueTask.CompletedTask;
        }

        public ValueTask BlockFoundAsync(FoundBlock block, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<BlockSubmission> SubmitAsync(MiningJob job, byte[] extranonce1, byte[] extranonce2, uint time, uint nonce, uint version, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _blocks);
            return Task.FromResult(new BlockSubmission("bench", Accepted: false, "the bench server submits no blocks"));
        }
    }
}
