import { Component, type ReactNode } from 'react';
import { FatalError } from './FatalError';

/** Keeps a rendering error inside one screen and shows it in words. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    return this.state.error ? <FatalError error={this.state.error} /> : this.props.children;
  }
}
