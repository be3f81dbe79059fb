import type { ResourceDeclaration } from '../types';

/** Every console resource, declared once by the plugin that owns it. */
export default () => {
  const resources = new Map<string, ResourceDeclaration>();
  return {
    register(...declarations: ResourceDeclaration[]) {
      for (const declaration of declarations) {
        if (resources.has(declaration.name)) throw new Error(`console resource ${declaration.name} declared twice`);
        for (const [field, spec] of Object.entries(declaration.fields)) {
          if (spec.search && spec.type !== 'string' && spec.type !== 'text' && spec.type !== 'email') {
            throw new Error(`console resource ${declaration.name}: search field ${field} must be textual`);
          }
        }
        resources.set(declaration.name, declaration);
      }
    },
    get(name: string): ResourceDeclaration | undefined {
      return resources.get(name);
    },
    all(): ResourceDeclaration[] {
      return [...resources.values()];
    },
  };
};
