import { Component, type ReactNode } from 'react';

interface Props {
  /** What the view is called in the message, e.g. 生成PDF与材料包. */
  name: string;
  children: ReactNode;
}

/** One view that fails to render shows a message in its place; the rest of the workspace and the data stay. */
export class ViewBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // Kept in the console for whoever debugs; the person sees the Chinese message.
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice-box notice-error" role="alert">
        <p>“{this.props.name}”显示时出错了。已填写的内容都在，并已自动保存；其他部分可以照常使用。</p>
        <p>
          <button type="button" className="btn" onClick={() => this.setState({ failed: false })}>重新显示</button>{' '}
          如果反复出错，请“导出草稿文件”备份后刷新页面。
        </p>
      </div>
    );
  }
}
