/* Bếp Nhà: gdpr-cookie-notice's texts in Vietnamese, as its README says ("duplicate src/langs/en.js, translate it
   and include it before your configuration runs"). The description carries the app's own refusal button: the
   library's bar has only "Cookie settings" and "Accept cookies", so the refusal is ours, in the same bar. */
gdprCookieNoticeLocales.vi = {
  description: 'Bếp Nhà dùng cookie để ghi nhớ giỏ hàng của bạn. Cookie đo lường, hiệu năng và quảng cáo chỉ được bật khi bạn đồng ý. ' +
               '<button type="button" class="bn-tu-choi">Từ chối tất cả</button>',
  settings: 'Cài đặt cookie',
  accept: 'Chấp nhận tất cả',
  statement: 'Chính sách cookie',
  save: 'Lưu lựa chọn',
  always_on: 'Luôn bật',
  cookie_essential_title: 'Cookie cần thiết',
  cookie_essential_desc: 'Giữ giỏ hàng và phiên đăng nhập của bạn. Ứng dụng không thể hoạt động nếu thiếu chúng.',
  cookie_performance_title: 'Cookie hiệu năng',
  cookie_performance_desc: 'Ghi nhớ khu vực giao hàng bạn chọn để trang mở nhanh hơn.',
  cookie_analytics_title: 'Cookie đo lường',
  cookie_analytics_desc: 'Cho chúng tôi biết món nào được xem nhiều nhất để cải thiện thực đơn.',
  cookie_marketing_title: 'Cookie quảng cáo',
  cookie_marketing_desc: 'Hiển thị ưu đãi phù hợp với bạn trên các trang khác.'
};
