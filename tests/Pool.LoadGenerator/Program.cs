using Pool.LoadGenerator;

if (LoadOptions.TryParse(args, out var options) is string error)
{
    await Console.Error.WriteLineAsync($"pool-loadgen: {error}");
    await Console.Error.WriteLineAsync("usage: pool-loadgen --address ADDR [--host 127.0.0.1] [--port 3333] [--connections 10000] [--rate 20000] [--duration 20] [--password x] [--server-pid PID]");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await new LoadRun(options, Console.Out).RunAsync(cancel.Token);
