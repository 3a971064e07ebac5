using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pool.Core.Pow;
using Pool.Host.Tests.Support;
using Pool.Testing;

namespace Pool.Host.Tests.LocalStack;

/// <summary>`make run`'s script as a person uses it: the stack comes up, a miner's share is accepted, settlement runs, Ctrl-C stops all.</summary>
[Category("Integration")]
[NonParallelizable]
public partial class MakeRunTests
{
    [Test]
    public async Task RunScript_MinerAndSettleLoop_WorkAndCtrlCStopsEverything()
    {
        var stratumPort = FreePort.Next();
        // As from a terminal, where Ctrl-C reaches a shell whose SIGINT is not ignored: a test run started in the
        // background inherits an ignored SIGINT, and bash cannot trap a signal ignored when it starts.
        var info = new ProcessStartInfo("env", ["--default-signal=INT", "bash", RepositoryFiles.Combine("deploy", "local", "run.sh"), "litecoin"])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["POOL_Stratum__Ports__0__Port"] = stratumPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["POOL_SETTLE_INTERVAL_SECONDS"] = "2";
        using var script = Process.Start(info)!;
        var output = new StringWriter();
        script.OutputDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        script.ErrorDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        string Output() { lock (output) { return output.ToString(); } }

        try
        {
            await Eventually.HoldsAsync(() => Output().Contains("is running", StringComparison.Ordinal) || script.HasExited, "the pool to run", TimeSpan.FromMinutes(4), Output);
            Assert.That(script.HasExited, Is.False, Output());
            var banner = Output();
            var miner = MinerAddress().Match(banner).Groups["address"].Value;
            var health = HealthUrl().Match(banner).Groups["url"].Value;
            var settleLog = SettleLog().Match(banner).Groups["path"].Value;
            var stackDirectory = Path.GetDirectoryName(settleLog)!;
            Assert.That(banner, Does.Contain($"minerd -a scrypt -o stratum+tcp://127.0.0.1:3333 -u {miner} -p x"));

            using var http = new HttpClient();
            Assert.That((await http.GetAsync(new Uri(health))).StatusCode, Is.EqualTo(HttpStatusCode.OK), banner);

            await using (var client = await StratumTestClient.ConnectAsync(stratumPort))
            {
                var subscribe = await client.CallAsync("mining.subscribe", "[\"make-run-test/1.0\"]");
                await client.CallAsync("mining.authorize", $"[\"{miner}.rig\",\"x\"]");
                var difficulty = (await client.NotificationAsync("mining.set_difficulty")).GetProperty("params")[0].GetDouble();
                var share = TestMiner.FromSubscribe(ScryptPow.Instance, subscribe).Find(await client.NotificationAsync("mining.notify"), difficulty);
                var answer = await client.CallAsync("mining.submit", share.SubmitParams(miner + ".rig"));
                Assert.That(answer.GetProperty("result").ValueKind, Is.EqualTo(JsonValueKind.True), answer.ToString());
            }

            await Eventually.HoldsAsync(() => File.Exists(settleLog) && File.ReadAllText(settleLog).Contains("completed:", StringComparison.Ordinal),
                "a settle run to complete", TimeSpan.FromMinutes(2), () => File.Exists(settleLog) ? File.ReadAllText(settleLog) : "no settle log");
            Assert.That(File.ReadAllText(settleLog), Does.Not.Contain("pool settle:"), "a settle run failed");

            using (var interrupt = Process.Start("kill", ["-INT", script.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            // The script's own exit, not the end of its output, which a build server left by `dotnet build` could hold open.
            try
            {
                await Eventually.HoldsAsync(() => script.HasExited, "the script to stop after Ctrl-C", TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException e)
            {
                var processes = (await CommandLineTool.RunAsync("ps", "-eo", "pid,ppid,etimes,args")).Output;
                Assert.Fail($"{e.Message}\nits output:\n{Output()}\nprocesses:\n{processes}");
            }
            Assert.That(Directory.Exists(stackDirectory), Is.False, "the stack's temp directory is removed");
            Assert.That(await ProcessesMentioningAsync(stackDirectory), Is.Empty, "no server of the stack is left running");
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<string> ProcessesMentioningAsync(string text)
    {
        var (_, found) = await CommandLineTool.RunAsync("pgrep", "-af", text);
        return string.Join('\n', found.Split('\n').Where(l => l.Length > 0 && !l.Contains("pgrep", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"-u (?<address>rltc1[0-9a-z]+) -p x")]
    private static partial Regex MinerAddress();

    [GeneratedRegex(@"Health: (?<url>http://127\.0\.0\.1:\d+/health)")]
    private static partial Regex HealthUrl();

    [GeneratedRegex(@"\(log: (?<path>/[^)]+/settle\.log)\)")]
    private static partial Regex SettleLog();
}
