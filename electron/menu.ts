/** The Vietnamese application menu: only what a desk user needs. */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(opts: { devTools: boolean }): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [{ role: 'quit', label: 'Thoát' }],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { role: 'zoomIn', label: 'Phóng to' },
        { role: 'zoomOut', label: 'Thu nhỏ' },
        { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toàn màn hình' },
        ...(opts.devTools
          ? ([
              { type: 'separator' },
              { role: 'reload', label: 'Tải lại' },
              { role: 'toggleDevTools', label: 'Công cụ phát triển' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [
        {
          label: 'Giới thiệu',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'Giới thiệu',
              message: `Tra cứu thẩm quyền ${app.getVersion()}`,
              detail:
                'Tra cứu cơ quan có thẩm quyền và căn cứ pháp lý sau sắp xếp chính quyền địa phương 02 cấp. Hoạt động không cần mạng.',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
