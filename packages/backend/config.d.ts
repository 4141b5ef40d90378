export interface Config {
  permission?: {
    /** The demo portal's permission policy (packages/backend/src/permissions). */
    agentMesh?: {
      /**
       * Group (or user) refs whose members may do everything. Everyone else reads the action
       * log of their own teams and the teams below them, and may not delete catalog entities
       * or locations. Default: nobody.
       */
      admins?: string[];
    };
  };
}
