namespace MailShadow.LabExchange.Ews.Faults;

/// <summary>
/// Holds the injected EWS faults and decides, per request, which apply. Delay rules add up; the first matching
/// throttle, HTTP 500 or drop rule is the request's terminal fault. Counted rules expire when used up.
/// </summary>
internal sealed class EwsFaultInjector(Random? random = null)
{
    private readonly Lock _gate = new();
    private readonly Random _random = random ?? Random.Shared;
    private List<ActiveRule> _rules = [];

    /// <summary>Replaces the active rules.</summary>
    public void Set(EwsFaultSet faults)
    {
        lock (_gate)
        {
            _rules = [.. faults.Rules.Select(rule => new ActiveRule(rule, rule.Count))];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules = [];
        }
    }

    /// <summary>The active rules, with counts showing what is left of them.</summary>
    public EwsFaultSet Snapshot()
    {
        lock (_gate)
        {
            return new EwsFaultSet { Rules = [.. _rules.Select(active => active.Rule with { Count = active.Remaining })] };
        }
    }

    public EwsFaultDecision Decide(string operation)
    {
        lock (_gate)
        {
            if (_rules.Count == 0)
            {
                return EwsFaultDecision.None;
            }

            var delay = TimeSpan.Zero;
            EwsFaultKind? terminal = null;
            int backOff = 0, afterBytes = 0;
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                var isTerminal = rule.Kind != EwsFaultKind.Delay;
                if ((isTerminal && terminal is not null) || !Matches(rule, operation) || active.Remaining is <= 0)
                {
                    continue;
                }

                if (rule.Fraction is { } fraction && _random.NextDouble() >= fraction)
                {
                    continue;
                }

                if (active.Remaining is not null)
                {
                    active.Remaining--;
                }

                switch (rule.Kind)
                {
                    case EwsFaultKind.Delay:
                        delay += TimeSpan.FromMilliseconds(rule.DelayMilliseconds);
                        break;
                    default:
                        terminal = rule.Kind;
                        backOff = rule.BackOffMilliseconds;
                        afterBytes = rule.AfterBytes;
                        break;
                }
            }

            _rules.RemoveAll(active => active.Remaining is <= 0);
            return new EwsFaultDecision(delay, terminal, backOff, afterBytes);
        }
    }

    private static bool Matches(EwsFaultRule rule, string operation) =>
        rule.Operations is not { Count: > 0 } operations
        || operations.Any(name => string.Equals(name, operation, StringComparison.OrdinalIgnoreCase));

    private sealed class ActiveRule(EwsFaultRule rule, int? remaining)
    {
        public EwsFaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;
    }
}
