namespace Pool.Host.Health;

/// <summary>
/// Remembers whether a dependency was up and reports only changes, so an outage is one log line when it starts and one
/// when it ends instead of a line per failed check.
/// </summary>
public sealed class AvailabilityTracker
{
    private bool? _up;

    /// <summary>Records a check; true when it changed the state (the first check counts as a change only when it is down).</summary>
    public bool Observe(bool up)
    {
        var changed = _up is null ? !up : _up != up;
        _up = up;
        return changed;
    }
}
