<?php
// For the test only: WordPress fetches oEmbed data only from public hosts on ports 80, 443
// and 8080; the app under test is on a loopback address and a random port.
add_filter( 'http_request_host_is_external', '__return_true' );
add_filter( 'http_allowed_safe_ports', function ( $ports ) {
	$ports[] = (int) VERKENNER_APP_PORT; // defined in the test's config file
	return $ports;
} );
// WordPress's emoji script would fetch images from its CDN; the test page must stay on loopback.
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_print_styles', 'print_emoji_styles' );
