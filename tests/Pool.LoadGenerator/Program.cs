using System.Globalization;
using Pool.LoadGenerator;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    cancel.Cancel();
});

var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "load";
var rest = mode == "load" ? args : args[1..];
switch (mode)
{
    case "serve":
        var port = rest.Length >= 2 && rest[0] == "--port" ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 3333;
        return await BenchServer.RunAsync(port, difficulty: 1e-12, cancel.Token);
    case "bench":
    case "load":
        var withAddress = mode == "bench" ? [.. rest, "--address", BenchServer.MinerAddress] : rest;
        if (LoadOptions.TryParse(withAddress, out var options) is string error)
        {
            await Console.Error.WriteLineAsync($"pool-loadgen: {error}");
            await Console.Error.WriteLineAsync("usage: pool-loadgen bench [--connections 10000] [--rate 20000] [--duration 20] [--warmup 5]");
            await Console.Error.WriteLineAsync("       pool-loadgen --address ADDR [--host 127.0.0.1] [--port 3333] [--connections N] [--rate R] [--duration S] [--password x] [--server-pid PID]");
            await Console.Error.WriteLineAsync("       pool-loadgen serve --port P   (the bench server alone)");
            return 2;
        }

        return mode == "bench" ? await BenchDriver.RunAsync(options, cancel.Token) : await new LoadRun(options, Console.Out).RunAsync(cancel.Token);
    default:
        await Console.Error.WriteLineAsync($"pool-loadgen: unknown mode '{mode}' (bench, serve, or load options)");
        return 2;
}
