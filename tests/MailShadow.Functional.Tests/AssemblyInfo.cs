// Each test starts real processes (two lab Exchanges and the appliance); on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
