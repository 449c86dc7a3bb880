import { Component, type ReactNode } from 'react';
import type { ReloadPlan } from '../../state/reload-plan';
import { errorLine, fatalWords } from './fatal-words';

export interface FatalBoundaryProps {
  children: ReactNode;
  /** plans (and starts) the reload: called once, when a view throws */
  onFatal: () => ReloadPlan;
}

interface FatalState {
  error?: string;
  plan?: ReloadPlan;
}

/**
 * A view that throws would leave React nothing to show, a blank wall: this shows the error
 * instead, and the page reloads itself back to the same view.
 */
export class FatalBoundary extends Component<FatalBoundaryProps, FatalState> {
  override state: FatalState = {};

  static getDerivedStateFromError(error: unknown): FatalState {
    return { error: errorLine(error) };
  }

  override componentDidCatch(): void {
    if (this.state.plan === undefined) this.setState({ plan: this.props.onFatal() });
  }

  override render(): ReactNode {
    const { error, plan } = this.state;
    if (error === undefined) return this.props.children;
    return <FatalNotice error={error} plan={plan} />;
  }
}

export function FatalNotice({ error, plan }: { error: string; plan: ReloadPlan | undefined }) {
  return (
    <p
      className="fatal-error"
      data-testid="fatal-error"
      data-reloading={plan?.reload ?? false}
      role="alert"
    >
      {fatalWords(error, plan)}
    </p>
  );
}
