using Pool.Stratum.Options;

namespace Pool.Stratum.Difficulty;

/// <summary>
/// Variable difficulty of one connection. It measures the work a miner delivers (the sum of its shares' difficulties over
/// time) and retargets so a share takes <see cref="VardiffOptions.TargetShareInterval"/>. A retarget happens only when the
/// measured rate differs from the current difficulty by more than both the tolerance and four standard errors of the
/// sample (checked once per retarget interval), so noise does not make it oscillate; while the difficulty holds, the
/// sample keeps growing and gets sharper. In between, only a flood at least four times off target retargets, and a miner
/// that shows nothing for the idle interval steps down. Each retarget moves by at most <see cref="VardiffOptions.MaxStepFactor"/>. Pure: time comes from the injected clock.
/// </summary>
public sealed class VardiffController
{
    // Standard errors the measured rate must be off by: the sample's relative error is 1/sqrt(shares).
    private const double Confidence = 4;
    private const double FloodFactor = 4;
    private const int FloodShares = 32;
    private const int MaxSampleShares = 256;

    private readonly VardiffOptions _options;
    private readonly TimeProvider _time;
    private DateTimeOffset _windowStart;
    private DateTimeOffset _lastActivity;
    private DateTimeOffset _nextCheck;
    private double _work;
    private double _workSquares;
    private int _shares;
    private double _floor;

    /// <summary>Starts at <paramref name="difficulty"/> with an empty sample.</summary>
    public VardiffController(VardiffOptions options, TimeProvider time, double difficulty)
    {
        _options = options;
        _time = time;
        _floor = options.MinDifficulty;
        Difficulty = Math.Clamp(difficulty, options.MinDifficulty, options.MaxDifficulty);
        _windowStart = time.GetUtcNow();
        _lastActivity = _windowStart;
        _nextCheck = _windowStart + options.RetargetInterval;
    }

    /// <summary>The difficulty last assigned (the one the next job carries).</summary>
    public double Difficulty { get; private set; }

    /// <summary>Lowest difficulty this connection accepts (mining.configure minimum-difficulty); never below the pool minimum.</summary>
    public double Floor
    {
        get => _floor;
        set => _floor = Math.Clamp(value, _options.MinDifficulty, _options.MaxDifficulty);
    }

    /// <summary>Sets the difficulty from outside (d=N, a suggestion) and restarts the sample.</summary>
    public void Reset(double difficulty)
    {
        Difficulty = Math.Clamp(difficulty, Math.Max(_floor, _options.MinDifficulty), _options.MaxDifficulty);
        Restart(_time.GetUtcNow());
    }

    /// <summary>Counts an accepted share of <paramref name="shareDifficulty"/>; true with the new difficulty when it retargets.</summary>
    public bool TryRecordShare(double shareDifficulty, out double newDifficulty)
    {
        var now = _time.GetUtcNow();
        _work += shareDifficulty;
        _workSquares += shareDifficulty * shareDifficulty;
        _shares++;
        if (_shares >= MaxSampleShares)
        {
            // Forget the older half so the estimate follows a miner whose hashrate changes.
            _work /= 2;
            _workSquares /= 2;
            _shares /= 2;
            _windowStart += (now - _windowStart) / 2;
        }

        _lastActivity = now;
        newDifficulty = Difficulty;
        if (!_options.Enabled)
        {
            return false;
        }

        // Measured from share to share: time after the last share holds work not yet shown and would bias the rate low.
        var elapsed = Math.Max((now - _windowStart).TotalSeconds, 1e-3);
        // Shares of different difficulties weigh differently: the effective sample size (Kish) decides the confidence.
        var effectiveShares = _work * _work / _workSquares;
        var ratio = _work / elapsed * _options.TargetShareInterval.TotalSeconds / Difficulty;
        var deviation = Math.Abs(Math.Log(ratio));
        if (now < _nextCheck)
        {
            // Between scheduled checks only a flood far off target retargets; every extra test would invite a false alarm.
            return effectiveShares >= FloodShares && deviation > Math.Log(FloodFactor) && Apply(ratio, now, out newDifficulty);
        }

        _nextCheck = now + _options.RetargetInterval;
        var band = Math.Max(Math.Log(1 + _options.Tolerance), Confidence / Math.Sqrt(effectiveShares));
        return deviation > band && Apply(ratio, now, out newDifficulty);
    }

    /// <summary>Checks without a new share (called periodically), so a miner that finds nothing gets an easier difficulty.</summary>
    public bool TryRetargetIdle(out double newDifficulty)
    {
        newDifficulty = Difficulty;
        var now = _time.GetUtcNow();
        var idle = (now - _lastActivity).TotalSeconds;
        if (!_options.Enabled || idle < _options.IdleRetargetInterval.TotalSeconds)
        {
            return false;
        }

        // Nothing at all since the last retarget: no measure of the rate exists, so take the largest step down. Otherwise the
        // rate is at most the work shown plus one share arriving right now.
        _lastActivity = now;
        var ratio = _shares == 0
            ? 1 / _options.MaxStepFactor
            : (_work + Difficulty) / (now - _windowStart).TotalSeconds * _options.TargetShareInterval.TotalSeconds / Difficulty;
        return ratio < 1 && Apply(ratio, now, out newDifficulty);
    }

    private bool Apply(double ratio, DateTimeOffset now, out double newDifficulty)
    {
        newDifficulty = Difficulty;
        var step = Math.Clamp(ratio, 1 / _options.MaxStepFactor, _options.MaxStepFactor);
        var next = Math.Clamp(Difficulty * step, Math.Max(_floor, _options.MinDifficulty), _options.MaxDifficulty);
        if (next == Difficulty)
        {
            Restart(now);
            return false;
        }

        Difficulty = next;
        newDifficulty = next;
        Restart(now);
        return true;
    }

    private void Restart(DateTimeOffset now)
    {
        _windowStart = now;
        _lastActivity = now;
        _nextCheck = now + _options.RetargetInterval;
        _work = 0;
        _workSquares = 0;
        _shares = 0;
    }
}
