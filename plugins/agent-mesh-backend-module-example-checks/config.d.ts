export interface Config {
  agentMesh?: {
    /** Settings of the checks that `@agent-mesh/plugin-agent-mesh-backend-module-example-checks` adds. */
    exampleChecks?: {
      /**
       * The `cost-centre` scorecard check: work in the given lifecycles declares the cost centre
       * that its agents' spend is charged to. Its weight, and whether it runs at all, are set like
       * any other check's under `agentMesh.scorecards.checks.cost-centre`.
       */
      costCentre?: {
        /** The annotation that holds the cost centre. Default `agent-mesh.io/cost-centre`. */
        annotation?: string;
        /** Lifecycles (case-insensitive) that must declare one; others are `na`. Default `[production]`. */
        lifecycles?: string[];
        /**
         * A regular expression that every cost centre must match, e.g. `^CC-[0-9]{4}$`.
         * Default: any non-empty value.
         */
        pattern?: string;
        /** Whether a cost centre annotated on the owning Group counts for what it owns. Default true. */
        inheritFromOwner?: boolean;
      };
    };
  };
}
