// Tenancy: every query of enterprise data composes this scope; a query without it is a bug.
export interface EnterpriseScope {
  enterpriseId: number;
}

export const ownedBy = (scope: EnterpriseScope) => ({ enterpriseId: scope.enterpriseId });
