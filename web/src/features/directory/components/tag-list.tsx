import { Space, Tag } from 'antd';

/** A few words as tags, or a dash when there are none. */
export function TagList({ values, color }: { values: readonly string[] | null | undefined; color?: string }) {
  if (!values || values.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {values.map((value) => (
        <Tag key={value} color={color}>
          {value}
        </Tag>
      ))}
    </Space>
  );
}
